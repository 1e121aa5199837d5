/**
 * Accounts: the people who sign in, their password hashes and their roles.
 *
 * <p>Invariants: an e-mail address belongs to at most one account whatever its case (the
 * database enforces it); only PBKDF2 hashes of passwords are stored; roles are the five of
 * {@link org.herdbook.web.account.entity.Role}.
 */
package org.herdbook.web.account;
