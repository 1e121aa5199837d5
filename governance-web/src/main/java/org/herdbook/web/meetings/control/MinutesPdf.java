package org.herdbook.web.meetings.control;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Lays out bilingual minutes as a PDF: the English text, then the French text from a new page,
 * each under its own heading, with "page / pages" at the foot of every page. Liberation Sans,
 * shipped inside PDFBox, is embedded (subset) so that accents and typographic quotes print the
 * same everywhere.
 */
public final class MinutesPdf {

    /** One language's part: a heading line and the text. */
    public record Part(String heading, String text) {
    }

    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final float MARGIN = 56;
    private static final float SIZE = 10.5f;
    private static final float HEADING_SIZE = 14;
    private static final float LEADING = 14;

    private MinutesPdf() {
    }

    public static byte[] render(String title, List<Part> parts) {
        try (PDDocument document = new PDDocument(); InputStream font = MinutesPdf.class.getResourceAsStream(FONT)) {
            if (font == null) {
                throw new IllegalStateException("PDFBox's Liberation Sans is missing from the class path");
            }
            PDType0Font unicode = PDType0Font.load(document, font, true);
            PDDocumentInformation information = new PDDocumentInformation();
            information.setTitle(title);
            document.setDocumentInformation(information);
            float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
            for (Part part : parts) {
                List<String> lines = new ArrayList<>();
                for (String paragraph : part.text().replace("\r", "").replace("\t", "    ").split("\n", -1)) {
                    lines.addAll(wrap(unicode, paragraph, width));
                }
                writePart(document, unicode, part.heading(), lines);
            }
            int pages = document.getNumberOfPages();
            for (int i = 0; i < pages; i++) {
                PDPage page = document.getPage(i);
                try (PDPageContentStream content = new PDPageContentStream(document, page,
                        PDPageContentStream.AppendMode.APPEND, true)) {
                    String footer = (i + 1) + " / " + pages;
                    content.beginText();
                    content.setFont(unicode, 9);
                    content.newLineAtOffset(PDRectangle.A4.getWidth() / 2 - unicode.getStringWidth(footer) / 2000 * 9,
                            MARGIN / 2);
                    content.showText(footer);
                    content.endText();
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writePart(PDDocument document, PDType0Font font, String heading, List<String> lines)
            throws IOException {
        float top = PDRectangle.A4.getHeight() - MARGIN;
        int index = 0;
        boolean first = true;
        while (first || index < lines.size()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                float y = top;
                content.beginText();
                if (first) {
                    content.setFont(font, HEADING_SIZE);
                    content.newLineAtOffset(MARGIN, y);
                    content.showText(clean(font, heading));
                    content.newLineAtOffset(0, -2 * LEADING);
                    y -= 2 * LEADING;
                    first = false;
                } else {
                    content.newLineAtOffset(MARGIN, y);
                }
                content.setFont(font, SIZE);
                while (index < lines.size() && y > MARGIN + LEADING) {
                    content.showText(lines.get(index++));
                    content.newLineAtOffset(0, -LEADING);
                    y -= LEADING;
                }
                content.endText();
            }
        }
    }

    /** Breaks a paragraph into lines no wider than {@code width}, at spaces where it can. */
    static List<String> wrap(PDType0Font font, String paragraph, float width) throws IOException {
        String text = clean(font, paragraph);
        List<String> lines = new ArrayList<>();
        if (text.isEmpty()) {
            lines.add("");
            return lines;
        }
        String indent = text.substring(0, text.length() - text.stripLeading().length());
        StringBuilder line = new StringBuilder();
        for (String word : text.strip().split(" +")) {
            String candidate = line.length() == 0 ? indent + word : line + " " + word;
            if (widthOf(font, candidate) <= width) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (line.length() > 0) {
                lines.add(line.toString());
            }
            String rest = indent + word;
            while (widthOf(font, rest) > width) {
                int cut = rest.length() - 1;
                while (cut > 1 && widthOf(font, rest.substring(0, cut)) > width) {
                    cut--;
                }
                lines.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            }
            line.setLength(0);
            line.append(rest);
        }
        lines.add(line.toString());
        return lines;
    }

    private static float widthOf(PDType0Font font, String text) throws IOException {
        return font.getStringWidth(text) / 1000 * SIZE;
    }

    /** Replaces what the font cannot draw (control characters, unmapped symbols) with '?'. */
    private static String clean(PDType0Font font, String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(codePoint -> {
            boolean drawable = !Character.isISOControl(codePoint);
            if (drawable) {
                try {
                    font.encode(new String(Character.toChars(codePoint)));
                } catch (IOException | IllegalArgumentException e) {
                    drawable = false;
                }
            }
            out.appendCodePoint(drawable ? codePoint : '?');
        });
        return out.toString();
    }
}
