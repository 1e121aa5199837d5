/** Mapping helpers shared by the web module's entities. */
package org.herdbook.web.persistence;
