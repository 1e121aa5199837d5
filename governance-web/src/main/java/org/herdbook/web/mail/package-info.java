/**
 * E-mail: letters in the reader's language, sent through the configured SMTP server after the
 * transaction that wrote them commits, or written to the log when no server is configured.
 */
package org.herdbook.web.mail;
