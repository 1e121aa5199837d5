/**
 * The foundation this Herdbook serves: its name, default currency and time zone.
 *
 * <p>Invariant: at most one foundation row exists (id 1); it is written once by first-run setup
 * (or the demo loader) and read everywhere a page shows the foundation's name or a month is
 * computed in its time zone.
 */
package org.herdbook.web.foundation;
