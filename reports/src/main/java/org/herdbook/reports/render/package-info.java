/**
 * The report's renderings: {@code ReportContent} lays the figures out in one language (sections of
 * formatted rows) and both the web page and the PDF draw exactly it; charts as bars (SVG for the
 * page, PDFBox paths in the PDF); open-data CSV. Amounts are formatted per language
 * ({@code $1,234.50} / {@code 1 234,50 $}). Narratives are plain text everywhere: escaped on the
 * page, drawn literally in the PDF.
 */
package org.herdbook.reports.render;
