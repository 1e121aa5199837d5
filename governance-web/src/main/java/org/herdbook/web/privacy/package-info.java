/**
 * A person's rights over their data: download everything Herdbook holds about them, and close
 * their account, which erases or pseudonymises their personal data while dues, ledger entries,
 * votes and the audit log stay whole and attached to the pseudonym. Member data is only ever
 * shown to the member themselves and to the roles that need it (board, secretary, treasurer).
 */
package org.herdbook.web.privacy;
