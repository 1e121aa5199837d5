package org.herdbook.reports.render;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Bidi;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.TimeZone;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.COSObjectable;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDNumberTreeNode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkInfo;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkedContentReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.PDTableAttributeObject;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;
import org.herdbook.reports.figures.entity.MonthlyFigures;

/**
 * The report as a PDF: English then French, each starting on its own page, drawn with PDFBox in
 * Liberation Sans with fallback fonts for the characters it lacks ({@link ReportFonts}: Arabic,
 * Hebrew, Japanese and Chinese names render; each font embedded as a subset; a character no font
 * has is drawn as "?" rather than failing; right-to-left runs are put in visual order, Arabic
 * letters are not joined). Charts are vector paths. Every
 * page carries the foundation's name, the month, its page number and the verification line. The
 * document is tagged ({@link Tags}: headings, paragraphs, tables, figures with alternative text, one
 * section per language with its /Lang, page furniture as artifacts, MarkInfo /Marked, the title
 * shown by viewers), XMP metadata and an sRGB output intent, and declares PDF/A-2a and PDF/UA-1
 * in its XMP: {@code ReportConformanceTest} checks both with veraPDF.
 *
 * <p>Text, the narrative included, is drawn literally: there is no markup to interpret.
 */
public final class ReportPdf {

    /** What the PDF says about itself besides the figures. */
    public record Meta(String foundation, int version, Integer replacesVersion, String keyId, String verifyUrl) {
    }

    private static final PDRectangle SIZE = PDRectangle.A4;
    private static final float MARGIN = 50;
    private static final float BOTTOM = 80;
    private static final float WIDTH = SIZE.getWidth() - 2 * MARGIN;

    private ReportPdf() {
    }

    public static byte[] render(MonthlyFigures figures, String narrativeEn, String narrativeFr, Meta meta) {
        try (PDDocument document = new PDDocument()) {
            ReportFonts font = new ReportFonts(document);
            font.main();
            Tags tags = new Tags(document);
            Layout layout = new Layout(document, font, tags);
            List<Integer> firstPages = new ArrayList<>();
            for (Locale language : List.of(Locale.ENGLISH, Locale.FRENCH)) {
                firstPages.add(document.getNumberOfPages());
                tags.section(language.getLanguage());
                layout.newPage();
                ReportContent content = ReportContent.of(figures, language,
                        language == Locale.ENGLISH ? narrativeEn : narrativeFr);
                draw(layout, content, figures, language, meta);
                layout.close();
            }
            footers(document, font, figures, meta, firstPages);
            tags.finish();
            describe(document, figures, meta);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render the report PDF", e);
        }
    }

    private static void draw(Layout layout, ReportContent content, MonthlyFigures figures, Locale language, Meta meta)
            throws IOException {
        ResourceBundle bundle = ReportContent.bundle(language);
        layout.text(meta.foundation(), 12, 0, "P");
        layout.text(content.title(), 18, 0, "H1");
        String version = ReportContent.text(bundle, "reports.pdf.version", meta.version());
        if (meta.replacesVersion() != null) {
            version += " — " + ReportContent.text(bundle, "reports.pdf.replaces", meta.replacesVersion());
        }
        layout.text(version, 9, 0, "P");
        layout.gap(6);
        for (String notice : content.notices()) {
            layout.text(notice, 10, 0, "P");
            layout.gap(4);
        }
        if (!content.narrative().isBlank()) {
            layout.text(ReportContent.text(bundle, "reports.section.narrative"), 13, 0, "H2");
            for (String paragraph : content.narrative().split("\\R")) {
                layout.text(paragraph, 10, 0, "P");
            }
            layout.gap(6);
        }
        for (ReportContent.Section section : content.sections()) {
            layout.gap(4);
            layout.text(section.title(), 13, 0, "H2");
            layout.table();
            if (!section.headers().isEmpty()) {
                layout.row(section.headers(), 9, true);
            }
            for (List<String> row : section.rows()) {
                layout.row(row, 10, false);
            }
            if (section.id().equals("expenses-by-category")) {
                layout.gap(4);
                layout.bars(ReportCharts.expenses(figures, language));
            }
            if (section.id().equals("revenue")) {
                layout.gap(4);
                layout.columns(ReportCharts.revenue(figures, language));
            }
        }
    }

    private static void footers(PDDocument document, ReportFonts font, MonthlyFigures figures, Meta meta,
            List<Integer> firstPages) throws IOException {
        int pages = document.getNumberOfPages();
        for (int index = 0; index < pages; index++) {
            Locale language = index >= firstPages.get(1) ? Locale.FRENCH : Locale.ENGLISH;
            ResourceBundle bundle = ReportContent.bundle(language);
            ReportFormat format = ReportFormat.of(language);
            PDPage page = document.getPage(index);
            try (PDPageContentStream stream = new PDPageContentStream(document, page,
                    PDPageContentStream.AppendMode.APPEND, true, true)) {
                Layout footer = new Layout(document, font, null);
                stream.beginMarkedContent(COSName.ARTIFACT);
                String left = meta.foundation() + " — " + format.month(figures.month());
                String right = ReportContent.text(bundle, "reports.pdf.page", index + 1, pages);
                footer.show(stream, left, 8, MARGIN, 50);
                footer.show(stream, right, 8, MARGIN + WIDTH - footer.width(right, 8), 50);
                String verify = ReportContent.text(bundle, "reports.pdf.verify", meta.foundation(), meta.keyId(),
                        meta.verifyUrl());
                float y = 40;
                for (String line : footer.wrap(verify, 7, WIDTH)) {
                    footer.show(stream, line, 7, MARGIN, y);
                    y -= 9;
                }
                stream.endMarkedContent();
            }
        }
    }

    private static void describe(PDDocument document, MonthlyFigures figures, Meta meta) throws IOException {
        String title = meta.foundation() + " — " + ReportContent.text(ReportContent.bundle(Locale.ENGLISH),
                "reports.title", ReportFormat.of(Locale.ENGLISH).month(figures.month()));
        PDDocumentInformation information = document.getDocumentInformation();
        information.setTitle(title);
        information.setAuthor(meta.foundation());
        information.setSubject(figures.month().toString());
        information.setProducer("Herdbook");
        Calendar now = new GregorianCalendar(TimeZone.getTimeZone("UTC"), Locale.ROOT);
        information.setCreationDate(now);
        document.getDocumentCatalog().setLanguage("en");
        String xmp = "<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>"
                + "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
                + "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
                + " xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\" xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">"
                + "<pdfuaid:part>1</pdfuaid:part>"
                + "<pdfaid:part>2</pdfaid:part><pdfaid:conformance>A</pdfaid:conformance>"
                + "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + ReportCharts.escape(title)
                + "</rdf:li></rdf:Alt></dc:title>"
                + "<dc:creator><rdf:Seq><rdf:li>" + ReportCharts.escape(meta.foundation()) + "</rdf:li></rdf:Seq></dc:creator>"
                + "<dc:language><rdf:Bag><rdf:li>en</rdf:li><rdf:li>fr</rdf:li></rdf:Bag></dc:language>"
                + "<pdf:Producer>Herdbook</pdf:Producer>"
                + "</rdf:Description>"
                // PDF/A admits the PDF/UA identification only with a description of its schema.
                + "<rdf:Description rdf:about=\"\" xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\""
                + " xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\""
                + " xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">"
                + "<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType=\"Resource\">"
                + "<pdfaSchema:schema>PDF/UA identification</pdfaSchema:schema>"
                + "<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>"
                + "<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>"
                + "<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType=\"Resource\">"
                + "<pdfaProperty:name>part</pdfaProperty:name><pdfaProperty:valueType>Integer</pdfaProperty:valueType>"
                + "<pdfaProperty:category>internal</pdfaProperty:category>"
                + "<pdfaProperty:description>The part of ISO 14289 the file conforms to</pdfaProperty:description>"
                + "</rdf:li></rdf:Seq></pdfaSchema:property></rdf:li></rdf:Bag></pdfaExtension:schemas>"
                + "</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end=\"w\"?>";
        PDMetadata metadata = new PDMetadata(document);
        metadata.importXMPMetadata(xmp.getBytes(StandardCharsets.UTF_8));
        document.getDocumentCatalog().setMetadata(metadata);
        PDOutputIntent intent = new PDOutputIntent(document,
                new ByteArrayInputStream(ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData()));
        intent.setInfo("sRGB IEC61966-2.1");
        intent.setOutputCondition("sRGB IEC61966-2.1");
        intent.setOutputConditionIdentifier("sRGB IEC61966-2.1");
        intent.setRegistryName("http://www.color.org");
        document.getDocumentCatalog().addOutputIntent(intent);
    }

    /**
     * The logical structure (tagged PDF): Document, then one Sect per language (with its /Lang)
     * holding headings, paragraphs, tables (TR, TH, TD) and figures with their alternative text.
     * Every piece of content drawn for them is a marked-content sequence whose MCID the page's
     * entry in the parent tree maps back to its element; page furniture is an Artifact.
     */
    private static final class Tags {
        private final PDDocument document;
        private final PDStructureTreeRoot root = new PDStructureTreeRoot();
        private final PDStructureElement top;
        private final Map<Integer, COSObjectable> parents = new HashMap<>();
        private PDStructureElement section;
        private PDPage page;
        private COSArray pageParents;
        private int pageIndex = -1;

        Tags(PDDocument document) {
            this.document = document;
            top = new PDStructureElement("Document", root);
            root.appendKid(top);
            document.getDocumentCatalog().setStructureTreeRoot(root);
        }

        void section(String language) {
            section = child(top, "Sect");
            section.setLanguage(language);
        }

        PDStructureElement element(String type) {
            return child(section, type);
        }

        PDStructureElement child(PDStructureElement parent, String type) {
            PDStructureElement element = new PDStructureElement(type, parent);
            parent.appendKid(element);
            return element;
        }

        /** A chart: a Figure whose alternative text says what it shows, value by value. */
        PDStructureElement figure(ReportCharts.Chart chart) {
            PDStructureElement figure = element("Figure");
            StringBuilder alt = new StringBuilder(chart.title());
            String separator = ": ";
            for (ReportCharts.Bar bar : chart.bars()) {
                alt.append(separator).append(bar.label()).append(' ').append(bar.value());
                separator = "; ";
            }
            figure.setAlternateDescription(alt.append('.').toString());
            return figure;
        }

        void page(PDPage next) {
            pageIndex++;
            page = next;
            page.setStructParents(pageIndex);
            pageParents = new COSArray();
            parents.put(pageIndex, pageParents);
        }

        /** Opens the marked content of {@code element} on the current page. */
        void begin(PDPageContentStream stream, PDStructureElement element) throws IOException {
            int mcid = pageParents.size();
            stream.beginMarkedContent(COSName.getPDFName(element.getStructureType()), mcid);
            PDMarkedContentReference reference = new PDMarkedContentReference();
            reference.setMCID(mcid);
            reference.setPage(page);
            element.appendKid(reference);
            pageParents.add(element);
        }

        void finish() {
            PDNumberTreeNode tree = new PDNumberTreeNode(COSObjectable.class);
            tree.setNumbers(parents);
            root.setParentTree(tree);
            root.setParentTreeNextKey(pageIndex + 1);
            PDMarkInfo markInfo = new PDMarkInfo();
            markInfo.setMarked(true);
            document.getDocumentCatalog().setMarkInfo(markInfo);
            PDViewerPreferences preferences = new PDViewerPreferences(new COSDictionary());
            preferences.setDisplayDocTitle(true);
            document.getDocumentCatalog().setViewerPreferences(preferences);
        }
    }

    /** A cursor going down the pages. */
    private static final class Layout {
        private final PDDocument document;
        private final ReportFonts font;
        private final Tags tags;
        private PDStructureElement table;
        private PDPageContentStream stream;
        private float y;

        Layout(PDDocument document, ReportFonts font, Tags tags) {
            this.document = document;
            this.font = font;
            this.tags = tags;
        }

        void newPage() throws IOException {
            close();
            PDPage page = new PDPage(SIZE);
            document.addPage(page);
            tags.page(page);
            stream = new PDPageContentStream(document, page);
            y = SIZE.getHeight() - MARGIN;
        }

        void close() throws IOException {
            if (stream != null) {
                stream.close();
                stream = null;
            }
        }

        void room(float height) throws IOException {
            if (y - height < BOTTOM) {
                newPage();
            }
        }

        void gap(float height) {
            y -= height;
        }

        /** A paragraph or heading ({@code type} its structure type), wrapped to the width. */
        void text(String text, float size, float indent, String type) throws IOException {
            PDStructureElement element = tags.element(type);
            for (String line : wrap(text, size, WIDTH - indent)) {
                room(size * 1.4f);
                y -= size * 1.4f;
                tags.begin(stream, element);
                show(stream, line, size, MARGIN + indent, y);
                stream.endMarkedContent();
            }
        }

        /** Rows from now on belong to a new table. */
        void table() {
            table = tags.element("Table");
        }

        void row(List<String> cells, float size, boolean header) throws IOException {
            PDStructureElement tableRow = tags.child(table, "TR");
            int count = cells.size();
            float last = count == 1 ? WIDTH : 120;
            float other = count == 1 ? 0 : (WIDTH - last) / (count - 1);
            List<List<String>> wrapped = new ArrayList<>();
            int lines = 1;
            for (int i = 0; i < count; i++) {
                List<String> cell = wrap(cells.get(i), size, (i == count - 1 ? last : other) - 6);
                wrapped.add(cell);
                lines = Math.max(lines, cell.size());
            }
            float height = lines * size * 1.35f + 3;
            room(height);
            for (int i = 0; i < count; i++) {
                PDStructureElement cell = tags.child(tableRow, header ? "TH" : "TD");
                if (header) {
                    PDTableAttributeObject scope = new PDTableAttributeObject();
                    scope.setScope(PDTableAttributeObject.SCOPE_COLUMN);
                    cell.addAttribute(scope);
                }
                float x = MARGIN + i * other;
                float lineY = y - size * 1.35f;
                for (String line : wrapped.get(i)) {
                    float at = i == count - 1 && count > 1 ? MARGIN + WIDTH - width(line, size) : x;
                    tags.begin(stream, cell);
                    show(stream, line, size, at, lineY);
                    stream.endMarkedContent();
                    lineY -= size * 1.35f;
                }
            }
            y -= height;
            stream.beginMarkedContent(COSName.ARTIFACT);
            stream.setStrokingColor(0.85f, 0.85f, 0.85f);
            stream.moveTo(MARGIN, y + 1);
            stream.lineTo(MARGIN + WIDTH, y + 1);
            stream.stroke();
            stream.endMarkedContent();
        }

        void bars(ReportCharts.Chart chart) throws IOException {
            text(chart.title(), 9, 0, "P");
            PDStructureElement figure = tags.figure(chart);
            for (ReportCharts.Bar bar : chart.bars()) {
                room(16);
                y -= 16;
                tags.begin(stream, figure);
                String label = wrap(bar.label(), 8, 170).get(0);
                show(stream, label, 8, MARGIN, y + 3);
                float length = (float) (bar.share() * 200);
                stream.setNonStrokingColor(0.23f, 0.43f, 0.65f);
                stream.addRect(MARGIN + 180, y + 1, Math.max(length, 0.5f), 10);
                stream.fill();
                stream.setNonStrokingColor(0f, 0f, 0f);
                show(stream, bar.value(), 8, MARGIN + 186 + length, y + 3);
                stream.endMarkedContent();
            }
            gap(6);
        }

        void columns(ReportCharts.Chart chart) throws IOException {
            text(chart.title(), 9, 0, "P");
            PDStructureElement figure = tags.figure(chart);
            float height = 110;
            room(height + 20);
            tags.begin(stream, figure);
            float base = y - height;
            float column = WIDTH / Math.max(1, chart.bars().size());
            stream.setStrokingColor(0.3f, 0.3f, 0.3f);
            stream.moveTo(MARGIN, base);
            stream.lineTo(MARGIN + WIDTH, base);
            stream.stroke();
            float x = MARGIN;
            for (ReportCharts.Bar bar : chart.bars()) {
                float length = (float) (bar.share() * (height - 10));
                stream.setNonStrokingColor(0.23f, 0.43f, 0.65f);
                stream.addRect(x + 4, base, column - 8, Math.max(length, 0.5f));
                stream.fill();
                stream.setNonStrokingColor(0f, 0f, 0f);
                show(stream, bar.label(), 6, x + (column - width(bar.label(), 6)) / 2, base - 9);
                x += column;
            }
            stream.endMarkedContent();
            y = base - 16;
        }

        /** Draws one line, font by font, right-to-left runs (Arabic, Hebrew) in their visual order. */
        void show(PDPageContentStream target, String text, float size, float x, float at) throws IOException {
            target.beginText();
            target.newLineAtOffset(x, at);
            for (ReportFonts.Run run : font.runs(visual(text))) {
                target.setFont(run.font(), size);
                target.showText(run.text());
            }
            target.endText();
        }

        float width(String text, float size) throws IOException {
            return font.width(text, size);
        }

        List<String> wrap(String text, float size, float width) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            for (String word : spaced(text).split(" ")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (width(candidate, size) <= width) {
                    line.setLength(0);
                    line.append(candidate);
                    continue;
                }
                if (!line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                String rest = word;
                while (width(rest, size) > width && rest.length() > 1) {
                    int cut = rest.length() - 1;
                    while (cut > 1 && width(rest.substring(0, cut), size) > width) {
                        cut--;
                    }
                    lines.add(rest.substring(0, cut));
                    rest = rest.substring(cut);
                }
                line.append(rest);
            }
            lines.add(line.toString());
            return lines;
        }

        /**
         * The line in the order its characters appear on the page (Unicode bidirectional algorithm,
         * the line's direction taken from its first strong character): right-to-left runs reversed.
         */
        static String visual(String line) {
            char[] chars = line.toCharArray();
            if (!Bidi.requiresBidi(chars, 0, chars.length)) {
                return line;
            }
            Bidi bidi = new Bidi(line, Bidi.DIRECTION_DEFAULT_LEFT_TO_RIGHT);
            int count = bidi.getRunCount();
            String[] runs = new String[count];
            byte[] levels = new byte[count];
            for (int i = 0; i < count; i++) {
                String run = line.substring(bidi.getRunStart(i), bidi.getRunLimit(i));
                levels[i] = (byte) bidi.getRunLevel(i);
                runs[i] = levels[i] % 2 == 1 ? new StringBuilder(run).reverse().toString() : run;
            }
            Bidi.reorderVisually(levels, 0, runs, 0, count);
            return String.join("", runs);
        }

        /** Controls become spaces, so that lines break there. */
        private static String spaced(String text) {
            StringBuilder out = new StringBuilder(text.length());
            text.codePoints().forEach(codePoint -> out.appendCodePoint(Character.isISOControl(codePoint) ? ' ' : codePoint));
            return out.toString();
        }
    }
}
