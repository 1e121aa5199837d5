/**
 * Signing in with a Mastodon account on the foundation's own instance ({@code herdbook.mastodon.url}):
 * OAuth 2 authorization code with PKCE (S256), the app Herdbook registers there, and the links
 * between Mastodon accounts and Herdbook accounts.
 *
 * <p>Invariants: a flow is bound to the browser session that started it by a 256-bit
 * {@code state}, is used at most once and expires after ten minutes; the code is exchanged only
 * with the verifier kept in that session; nothing is stored unless the instance confirmed the
 * identity; the Mastodon access token is revoked at once and never stored; a Mastodon account
 * is linked to at most one Herdbook account, and a Herdbook account to at most one Mastodon
 * account per instance; an account without a password cannot drop its only way to sign in.
 * The app is registered once per instance, under a database lock shared by all server
 * instances.
 */
package org.herdbook.web.mastodon;
