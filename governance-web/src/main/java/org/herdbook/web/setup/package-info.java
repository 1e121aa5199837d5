/**
 * First run: how a new Herdbook gets its first administrator and its foundation settings.
 *
 * <p>While no administrator exists, each start prints a one-time setup link (a random token of
 * which only the hash is stored; a restart replaces it). Completing setup creates the foundation
 * and the administrator in one transaction and spends every token; after that, setup answers
 * that it is already done. {@code HERDBOOK_ADMIN_EMAIL} with {@code HERDBOOK_ADMIN_PASSWORD}
 * does the same without the page. Start-up steps hold a database lock, so two instances starting
 * together do not both create an administrator.
 */
package org.herdbook.web.setup;
