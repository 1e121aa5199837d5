package org.herdbook.reports.render;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The fonts the report's PDF draws with, and for each character the first that has it: Liberation
 * Sans (PDFBox's own; Latin, Greek, Cyrillic), then DejaVu Sans (Arabic, Hebrew, Armenian, Georgian
 * and many symbols), then M+ 1p (Japanese kana and the common kanji, which covers most Chinese
 * names too). A font is embedded, as a subset of the glyphs used, only in a document that uses it;
 * a character none of them has is drawn as "?". The fallback fonts come from Maven Central at
 * build time (see the reports module's pom) with their licences beside them in the jar.
 *
 * <p>The fonts' bytes and character maps are read once per JVM; a {@link ReportFonts} instance
 * belongs to one document and one thread.
 */
final class ReportFonts {

    /** One font file: its bytes and which characters it has. */
    private record Face(String resource, byte[] data, CmapLookup characters) {
        boolean has(int codePoint) {
            return characters.getGlyphId(codePoint) > 0;
        }
    }

    /** Text that one font draws. */
    record Run(PDType0Font font, String text) {
    }

    private static final List<Face> FACES = List.of(
            face("/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf"),
            face("/org/herdbook/reports/fonts/DejaVuSans.ttf"),
            face("/org/herdbook/reports/fonts/mplus1p-regular-fallback.ttf"));

    private final PDDocument document;
    private final PDType0Font[] loaded = new PDType0Font[FACES.size()];
    private final Map<Integer, Integer> faceOf = new HashMap<>();

    ReportFonts(PDDocument document) {
        this.document = document;
    }

    private static Face face(String resource) {
        try (InputStream in = ReportFonts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the class path");
            }
            byte[] data = in.readAllBytes();
            try (TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(data))) {
                CmapLookup characters = font.getUnicodeCmapLookup();
                if (characters == null || font.getGlyph() == null) {
                    throw new IllegalStateException(resource + " has no Unicode map or no TrueType outlines");
                }
                return new Face(resource, data, characters);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the font " + resource, e);
        }
    }

    /** The first font with the character, or -1 when none has it. */
    int faceOf(int codePoint) {
        return faceOf.computeIfAbsent(codePoint, c -> {
            for (int i = 0; i < FACES.size(); i++) {
                if (FACES.get(i).has(c)) {
                    return i;
                }
            }
            return -1;
        });
    }

    boolean canDraw(int codePoint) {
        return faceOf(codePoint) >= 0;
    }

    /** The main font (Liberation Sans), always embedded. */
    PDType0Font main() throws IOException {
        return font(0);
    }

    private PDType0Font font(int face) throws IOException {
        if (loaded[face] == null) {
            loaded[face] = PDType0Font.load(document, new ByteArrayInputStream(FACES.get(face).data()), true);
        }
        return loaded[face];
    }

    /**
     * The text cut where the font changes, in the order given; control characters become spaces
     * and characters no font has become "?".
     */
    List<Run> runs(String text) throws IOException {
        List<Run> runs = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        int current = -1;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            i += Character.charCount(codePoint);
            if (Character.isISOControl(codePoint)) {
                codePoint = ' ';
            }
            int face = faceOf(codePoint);
            if (face < 0) {
                codePoint = '?';
                face = 0;
            }
            if (face != current && !run.isEmpty()) {
                runs.add(new Run(font(current), run.toString()));
                run.setLength(0);
            }
            current = face;
            run.appendCodePoint(codePoint);
        }
        if (!run.isEmpty()) {
            runs.add(new Run(font(current), run.toString()));
        }
        return runs;
    }

    /** The width of the text at this size, in points. */
    float width(String text, float size) throws IOException {
        float width = 0;
        for (Run run : runs(text)) {
            width += run.font().getStringWidth(run.text()) / 1000 * size;
        }
        return width;
    }
}
