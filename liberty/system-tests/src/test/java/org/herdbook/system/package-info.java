/**
 * System tests: the real server (Open Liberty, the embedded PostgreSQL, Chromium) driven from
 * outside over HTTP and through a browser, in three acts (see this module's pom): first run on an
 * empty database, a running foundation, and a restart after {@code kill -9}.
 */
package org.herdbook.system;
