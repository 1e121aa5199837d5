/**
 * Who is calling: sign-in for people (form, session), bearer tokens for API clients, throttling.
 *
 * <p>Invariants: only SHA-256 hashes of bearer tokens are stored; a session is re-keyed on
 * sign-in (no fixation); failed sign-ins are counted in the database per account and per
 * address, so several server instances share one limit; a refusal never reveals whether an
 * e-mail address has an account.
 */
package org.herdbook.web.security;
