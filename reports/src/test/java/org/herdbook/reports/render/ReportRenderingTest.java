package org.herdbook.reports.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.ResourceBundle;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.PDTableAttributeObject;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
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
                "Merci à Zoë et à 日本 et 한국. <script>alert(1)</script>",
                new ReportPdf.Meta("Fondation Québec Libre", 2, 1, "kid-123", "https://herdbook.example/reports/verify.xhtml"));
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replace(NBSP, " ");
            assertThat(text).contains("Fondation Québec Libre", "Monthly report — March 2026", "Rapport mensuel — mars 2026",
                    "$1,234.50", "1 234,50 $", "Thanks to Zoë and Мария. <script>alert(1)</script>",
                    "Merci à Zoë et à 日本 et ??. <script>alert(1)</script>", "Sponsorships (3, confidential)",
                    "Page 1 of " + document.getNumberOfPages(), "kid-123", "Version 2", "Corrects version 1",
                    "Hetzner Online");
            assertThat(document.getDocumentInformation().getTitle()).contains("March 2026");
            assertThat(document.getDocumentCatalog().getMetadata()).isNotNull();
            assertThat(document.getDocumentCatalog().getOutputIntents()).hasSize(1);
            assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("en");
        }
    }

    @Test
    void namesInOtherScriptsAreDrawnWithFallbackFontsEmbeddedAsSubsets() throws IOException {
        String names = "Zoë, Ελένη, Дмитрий, 東京, عربى, שלום";
        byte[] pdf = ReportPdf.render(SampleFigures.figures(true), "Thanks to " + names + ".", "Merci à " + names + ".",
                new ReportPdf.Meta("Fondation Zoë 東京", 1, null, "kid-1", "https://herdbook.example/reports/verify.xhtml"));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Zoë", "Ελένη", "Дмитрий", "東京", "عربى", "שלום", "Fondation Zoë 東京");
            assertThat(text).doesNotContain("Thanks to Zoë, Ελένη, Дмитрий, ??");
            Map<String, PDFont> fonts = fonts(document);
            assertThat(fonts.keySet()).anySatisfy(name -> assertThat(name).matches("[A-Z]{6}\\+LiberationSans"))
                    .anySatisfy(name -> assertThat(name).matches("[A-Z]{6}\\+DejaVuSans"))
                    .anySatisfy(name -> assertThat(name).matches("[A-Z]{6}\\+.*[Mm][Pp]lus.*|[A-Z]{6}\\+M\\+1p.*"));
            assertThat(fonts.values()).allSatisfy(font -> assertThat(((PDType0Font) font).getDescendantFont()
                    .getFontDescriptor().getFontFile2()).as(font.getName() + " embedded").isNotNull());
        }
        byte[] latinOnly = ReportPdf.render(SampleFigures.figures(true), "Zoë", "Zoë",
                new ReportPdf.Meta("Fondation", 1, null, "kid-1", "https://herdbook.example/reports/verify.xhtml"));
        try (PDDocument document = Loader.loadPDF(latinOnly)) {
            assertThat(fonts(document).keySet()).singleElement().asString().endsWith("+LiberationSans");
        }
    }

    @Test
    void thePdfIsTaggedHeadingsTablesAndFiguresPerLanguageWithEveryTextMarked() throws IOException {
        byte[] pdf = ReportPdf.render(SampleFigures.figures(true), "A quiet month.\nSecond paragraph.", "Un mois calme.",
                new ReportPdf.Meta("Fondation", 1, null, "kid-1", "https://herdbook.example/reports/verify.xhtml"));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDDocumentCatalog catalog = document.getDocumentCatalog();
            assertThat(catalog.getMarkInfo().isMarked()).isTrue();
            assertThat(catalog.getViewerPreferences().displayDocTitle()).isTrue();
            PDStructureTreeRoot root = catalog.getStructureTreeRoot();
            assertThat(root).isNotNull();
            List<PDStructureElement> elements = new ArrayList<>();
            collect(root.getKids(), elements);
            assertThat(elements.get(0).getStructureType()).isEqualTo("Document");
            assertThat(elements.stream().map(PDStructureElement::getStructureType).distinct())
                    .contains("Document", "Sect", "H1", "H2", "P", "Table", "TR", "TH", "TD", "Figure");
            assertThat(elements.stream().filter(element -> element.getStructureType().equals("Sect"))
                    .map(PDStructureElement::getLanguage)).containsExactly("en", "fr");
            assertThat(elements.stream().filter(element -> element.getStructureType().equals("H1")))
                    .hasSize(2);
            assertThat(elements.stream().filter(element -> element.getStructureType().equals("Figure")))
                    .hasSize(4).allSatisfy(figure -> assertThat(figure.getAlternateDescription())
                            .matches("(Expenses by category|Revenue over twelve months|Dépenses par catégorie|Revenus sur douze mois).*: .+"));
            assertThat(elements.stream().filter(element -> element.getStructureType().equals("TH")))
                    .isNotEmpty().allSatisfy(header -> assertThat(((PDTableAttributeObject) header.getAttributes()
                            .getObject(0)).getScope()).isEqualTo(PDTableAttributeObject.SCOPE_COLUMN));
            COSDictionary parentTree = root.getParentTree().getCOSObject();
            assertThat(root.getParentTreeNextKey()).isEqualTo(document.getNumberOfPages());
            for (PDPage page : document.getPages()) {
                int marked = 0;
                int mcids = 0;
                for (var streams = page.getContentStreams(); streams.hasNext(); ) {
                    List<Object> tokens = new PDFStreamParser(streams.next().toByteArray()).parse();
                    int depth = 0;
                    for (Object token : tokens) {
                        if (token instanceof Operator operator) {
                            switch (operator.getName()) {
                                case "BDC", "BMC" -> depth++;
                                case "EMC" -> depth--;
                                case "Tj", "TJ", "'", "\"", "re", "S", "f", "l" -> {
                                    assertThat(depth).as(operator.getName() + " outside marked content").isPositive();
                                    marked++;
                                }
                                default -> {
                                }
                            }
                        } else if (token instanceof COSDictionary properties && properties.containsKey(COSName.MCID)) {
                            mcids++;
                        }
                    }
                    assertThat(depth).isZero();
                }
                assertThat(marked).isPositive();
                COSArray nums = (COSArray) parentTree.getDictionaryObject(COSName.NUMS);
                COSArray pageParents = null;
                for (int i = 0; i < nums.size(); i += 2) {
                    if (((COSInteger) nums.getObject(i)).intValue() == page.getStructParents()) {
                        pageParents = (COSArray) nums.getObject(i + 1);
                    }
                }
                assertThat(pageParents).as("parent tree entry of page " + page.getStructParents()).isNotNull();
                assertThat(pageParents.size()).isEqualTo(mcids);
            }
        }
    }

    private static void collect(List<Object> kids, List<PDStructureElement> into) {
        for (Object kid : kids) {
            if (kid instanceof PDStructureElement element) {
                into.add(element);
                collect(element.getKids(), into);
            }
        }
    }

    private static Map<String, PDFont> fonts(PDDocument document) throws IOException {
        Map<String, PDFont> fonts = new TreeMap<>();
        for (PDPage page : document.getPages()) {
            for (COSName name : page.getResources().getFontNames()) {
                PDFont font = page.getResources().getFont(name);
                fonts.put(font.getName(), font);
            }
        }
        return fonts;
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
