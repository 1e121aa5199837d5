/**
 * The demo foundation a newcomer can load with {@code HERDBOOK_DEMO=true}.
 *
 * <p>Invariant: demo data is loaded only when that variable is true and only into an empty
 * Herdbook (no foundation yet); nothing here runs otherwise. The people it creates get random
 * passwords that are printed once in the log.
 */
package org.herdbook.web.demo;
