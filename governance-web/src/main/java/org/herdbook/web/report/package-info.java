/**
 * The monthly report in the web application: the public pages and open data, the treasurer's and
 * board's draft and publication API, and the wiring of the reports module (foundation settings,
 * the foundation's signing key, the scheduled draft). Figures and rules live in the reports jar;
 * nothing here computes a figure.
 */
package org.herdbook.web.report;
