/**
 * The audit log: who granted or revoked a role, changed a standing, recorded dues, changed the
 * bylaws settings or closed an account, and when. Append-only (the database refuses updates and
 * deletes); lines carry account ids and codes, never personal data.
 */
package org.herdbook.web.audit;
