/**
 * The server's one data source. It owns no schema: it only decides where PostgreSQL is.
 *
 * <p>Invariants: with a JDBC URL configured ({@code DB_URL}) nothing is started and nothing is
 * written to disk; without one, a single embedded PostgreSQL per data directory runs per JVM,
 * its data directory outlives restarts, and a postmaster orphaned by a killed server is stopped
 * before a new one starts on the same directory.
 */
package org.herdbook.db;
