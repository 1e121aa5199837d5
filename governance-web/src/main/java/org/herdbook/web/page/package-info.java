/** What every page bean shares: one transaction per action, and feedback in the visitor's language. */
package org.herdbook.web.page;
