/**
 * Start-up: database migrations for every module's schema, optional demo data, first run.
 *
 * <p>Invariant: the application reports ready only after all three have finished; a failed
 * migration stops the application from starting rather than running on a half-built schema.
 */
package org.herdbook.web.startup;
