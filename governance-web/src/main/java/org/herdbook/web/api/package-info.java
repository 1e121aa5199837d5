/**
 * The JSON API under {@code /api}: its OpenAPI description and its errors.
 *
 * <p>Every error is an RFC 9457 problem document ({@code application/problem+json}) whose title
 * and detail are in the client's {@code Accept-Language}. Resources declare who may call them.
 */
package org.herdbook.web.api;
