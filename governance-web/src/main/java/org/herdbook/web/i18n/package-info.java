/**
 * Languages: every page, e-mail and API message exists in English and French.
 *
 * <p>The language of a request is, in order: the visitor's explicit choice (the switcher sets a
 * cookie that sticks), the browser's {@code Accept-Language}, English. Bundles live beside the
 * module that owns the words; a unit test fails when a key exists in one language only.
 */
package org.herdbook.web.i18n;
