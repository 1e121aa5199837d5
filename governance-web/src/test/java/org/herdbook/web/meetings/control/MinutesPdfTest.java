package org.herdbook.web.meetings.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class MinutesPdfTest {

    @Test
    void bothLanguagesArePrintedWithAccentsAndPageNumbers() throws IOException {
        String longEnglish = "The members resolved to keep the instance running. ".repeat(400);
        byte[] pdf = MinutesPdf.render("AGM / AGA", List.of(
                new MinutesPdf.Part("Annual general meeting — Minutes", "Called to order.\n" + longEnglish),
                new MinutesPdf.Part("Assemblée générale annuelle — Procès-verbal",
                        "Séance ouverte à 19 h ; l’assemblée « Éole » adopte la résolution.")));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            int pages = document.getNumberOfPages();
            assertThat(pages).isGreaterThan(2);
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Annual general meeting — Minutes", "Called to order.",
                    "Assemblée générale annuelle — Procès-verbal", "l’assemblée « Éole »", "1 / " + pages,
                    pages + " / " + pages);
            // The French part starts on its own page.
            PDFTextStripper lastPage = new PDFTextStripper();
            lastPage.setStartPage(pages);
            lastPage.setEndPage(pages);
            assertThat(lastPage.getText(document)).contains("Procès-verbal").doesNotContain("instance running");
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo("AGM / AGA");
        }
    }

    @Test
    void characterTheFontCannotDrawBecomeQuestionMarks() throws IOException {
        byte[] pdf = MinutesPdf.render("x", List.of(new MinutesPdf.Part("Heading", "bell\u0007 and 漢")));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(document)).contains("bell? and ?");
        }
    }
}
