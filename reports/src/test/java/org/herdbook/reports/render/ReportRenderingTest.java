package org.herdbook.reports.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.ResourceBundle;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.herdbook.reports.figures.SampleFigures;
import org.herdbook.reports.figures.entity.MonthlyFigures;
import org.junit.jupiter.api.Test;

class ReportRenderingTest {

    private static final String NBSP = "\u00a0";

    @Test
    void amountsAreWrittenAsEachLanguageWritesThem() {
        assertThat(ReportFormat.of(Locale.ENGLISH).money(new BigDecimal("1234.50"), "CAD")).isEqualTo("$1,234.50");
        assertThat(ReportFormat.of(Locale.FRENCH).money(new BigDecimal("1234.50"), "CAD"))
                .isEqualTo("1" + NBSP + "234,50" + NBSP + "$");
        assertThat(ReportFormat.of(Locale.ENGLISH).money(new BigDecimal("-5.00"), "CAD")).isEqualTo("-$5.00");
        assertThat(ReportFormat.of(Locale.FRENCH).count(12345)).isEqualTo("12" + NBSP + "345");
        assertThat(ReportFormat.of(Locale.FRENCH).oneDecimal(new BigDecimal("12.3"))).isEqualTo("12,3");
        assertThat(ReportFormat.of(Locale.FRENCH).month(java.time.YearMonth.of(2026, 3))).isEqualTo("mars 2026");
    }

    @Test
    void theContentShowsEveryFigureAndTheSponsorshipCountOnly() {
        ReportContent english = ReportContent.of(SampleFigures.figures(true), Locale.ENGLISH, "");
        String all = english.sections().toString();
        assertThat(all).contains("$1,234.50", "Sponsorships (3, confidential)", "$915.25", "$387.15", "Hetzner Online",
                "$20.00", "5,321", "General members", "12.3");
        assertThat(english.notices()).isEmpty();
        ReportContent french = ReportContent.of(SampleFigures.figures(false), Locale.FRENCH, "");
        assertThat(french.sections().toString()).contains("1" + NBSP + "234,50" + NBSP + "$", "Commandites (3, confidentiel)",
                "Hébergement — calcul", "12,3");
        assertThat(french.notices()).singleElement().asString().contains("pas encore clos");
    }

    @Test
    void thePdfHoldsBothLanguagesTheNarrativeLiterallyAndPageNumbers() throws IOException {
        MonthlyFigures figures = SampleFigures.figures(true);
        byte[] pdf = ReportPdf.render(figures, "Thanks to Zoë and Мария. <script>alert(1)</script>",
                "Merci à Zoë et à 日本. <script>alert(1)</script>",
                new ReportPdf.Meta("Fondation Québec Libre", 2, 1, "kid-123", "https://herdbook.example/reports/verify.xhtml"));
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replace(NBSP, " ");
            assertThat(text).contains("Fondation Québec Libre", "Monthly report — March 2026", "Rapport mensuel — mars 2026",
                    "$1,234.50", "1 234,50 $", "Thanks to Zoë and Мария. <script>alert(1)</script>",
                    "Merci à Zoë et à ??. <script>alert(1)</script>", "Sponsorships (3, confidential)",
                    "Page 1 of " + document.getNumberOfPages(), "kid-123", "Version 2", "Corrects version 1",
                    "Hetzner Online");
            assertThat(document.getDocumentInformation().getTitle()).contains("March 2026");
            assertThat(document.getDocumentCatalog().getMetadata()).isNotNull();
            assertThat(document.getDocumentCatalog().getOutputIntents()).hasSize(1);
            assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("en");
        }
    }

    @Test
    void chartsEscapeTheirLabels() {
        String svg = ReportCharts.horizontalSvg(new ReportCharts.Chart("<x>", java.util.List.of(
                new ReportCharts.Bar("a<script>", "$1.00", 1))));
        assertThat(svg).doesNotContain("<script>").contains("a&lt;script&gt;").contains("width=\"300\"");
    }

    @Test
    void theCsvHasEveryFigureAndNoSponsorshipAmount() {
        String csv = ReportCsv.of(SampleFigures.figures(true));
        assertThat(csv).startsWith("section,item,value,unit\r\n")
                .contains("\"revenue\",\"dues\",\"1234.50\",\"CAD\"", "\"revenue\",\"sponsorships.amount\",\"confidential\"",
                        "\"donations\",\"average\",\"20.00\"", "\"instance\",\"users\",\"5321\"");
    }

    @Test
    void everyReportTextExistsInBothLanguages() {
        ResourceBundle english = ReportContent.bundle(Locale.ENGLISH);
        ResourceBundle french = ReportContent.bundle(Locale.FRENCH);
        assertThat(french.keySet()).containsExactlyInAnyOrderElementsOf(english.keySet());
        english.keySet().forEach(key -> assertThat(english.getString(key)).as(key).doesNotContain("'"));
        french.keySet().forEach(key -> assertThat(french.getString(key)).as(key).doesNotContain("'"));
    }
}
