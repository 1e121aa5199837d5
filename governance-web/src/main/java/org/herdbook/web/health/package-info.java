/**
 * MicroProfile Health checks: ready when the database answers and start-up finished; live while
 * the application can still do work. A database outage makes the instance not ready (the load
 * balancer stops sending it traffic) without making it "dead" (a restart would not help).
 */
package org.herdbook.web.health;
