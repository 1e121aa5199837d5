package org.herdbook.web.finance.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.NumberFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.herdbook.finance.donation.entity.Donation;
import org.herdbook.finance.money.Money;
import org.herdbook.web.foundation.control.FoundationProfile;
import org.herdbook.web.foundation.entity.Foundation;
import org.herdbook.web.i18n.Language;
import org.herdbook.web.i18n.Messages;
import org.herdbook.web.mail.control.Letter;

/**
 * What a donor receives, in their language: the thank-you letter (with the receipt attached and
 * its link) and the receipt itself, a one-page PDF set in the Liberation Sans that PDFBox ships (embedded,
 * subset), so that every Herdbook PDF looks alike and any character of a name prints.
 */
@ApplicationScoped
public class DonationReceipts {

    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    @Inject
    Messages messages;
    @Inject
    FoundationProfile foundations;
    @Inject
    Event<Letter> outbox;
    @Inject
    @ConfigProperty(name = "herdbook.base-url", defaultValue = "http://localhost:9080")
    String baseUrl;

    /** The receipt's address: the donation id is random, so only the donor knows it. */
    public String receiptUrl(UUID donation) {
        return baseUrl + "/api/donations/" + donation + "/receipt.pdf";
    }

    /**
     * Posts the thank-you letter to {@code payerEmail} (sent once the transaction commits), in the
     * donor's language, with the receipt attached (and its link in the text).
     */
    public void thank(Donation donation, String payerEmail) {
        Donation.Capture capture = donation.capture().orElseThrow();
        Language language = language(donation);
        Object[] arguments = {foundationName(language), donation.donorName() == null ? "" : donation.donorName(),
                amount(language, capture.gross()), receiptUrl(donation.id())};
        outbox.fire(new Letter(payerEmail, language, messages.get(language, "mail.donation-thanks.subject", arguments),
                messages.get(language, "mail.donation-thanks.body", arguments), List.of(new Letter.Attachment(
                        messages.get(language, "donation.receipt.file", donation.id()), "application/pdf",
                        receipt(donation)))));
    }

    /** The receipt of a captured donation, as PDF bytes. */
    public byte[] receipt(Donation donation) {
        Donation.Capture capture = donation.capture().orElseThrow();
        Language language = language(donation);
        ZoneId zone = foundations.current().map(Foundation::getTimeZone).orElse(ZoneId.of("UTC"));
        String date = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(language.locale())
                .format(capture.capturedAt().atZone(zone));
        List<String> lines = new ArrayList<>();
        lines.add(foundationName(language));
        lines.add("");
        lines.add(messages.get(language, "donation.receipt.title"));
        lines.add("");
        lines.add(messages.get(language, "donation.receipt.number", donation.id()));
        lines.add(messages.get(language, "donation.receipt.date", date));
        lines.add(messages.get(language, "donation.receipt.donor", donation.anonymous()
                ? messages.get(language, "donation.receipt.anonymous") : donation.donorName()));
        lines.add(messages.get(language, "donation.receipt.amount", amount(language, capture.gross())));
        lines.add(messages.get(language, "donation.receipt.paypal", capture.captureId()));
        lines.add("");
        lines.add(messages.get(language, "donation.receipt.thanks"));
        try (PDDocument document = new PDDocument(); InputStream font = DonationReceipts.class.getResourceAsStream(FONT)) {
            PDType0Font sans = PDType0Font.load(document, font, true);
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            PDDocumentInformation information = document.getDocumentInformation();
            information.setTitle(messages.get(language, "donation.receipt.title"));
            information.setAuthor(foundationName(language));
            try (PDPageContentStream text = new PDPageContentStream(document, page)) {
                text.beginText();
                text.setFont(sans, 12);
                text.setLeading(18);
                text.newLineAtOffset(60, page.getMediaBox().getHeight() - 80);
                for (String line : lines) {
                    for (String part : wrap(line, 80)) {
                        try {
                            text.showText(part);
                        } catch (IllegalArgumentException noGlyph) {
                            // A character the font lacks (a name in another script, an emoji): shown as '?'.
                            text.showText(part.replaceAll("[^\\p{InBasic_Latin}\\p{InLatin-1_Supplement}]", "?"));
                        }
                        text.newLine();
                    }
                }
                text.endText();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a donation receipt", e);
        }
    }

    private static List<String> wrap(String line, int width) {
        List<String> parts = new ArrayList<>();
        String rest = line.replaceAll("[\\r\\n\\t]", " ");
        while (rest.length() > width) {
            int cut = rest.lastIndexOf(' ', width);
            cut = cut <= 0 ? width : cut;
            parts.add(rest.substring(0, cut));
            rest = rest.substring(cut).stripLeading();
        }
        parts.add(rest);
        return parts;
    }

    private String foundationName(Language language) {
        return foundations.current().map(Foundation::getName).orElseGet(() -> messages.get(language, "app.name"));
    }

    private static Language language(Donation donation) {
        return Language.ofTag(donation.language()).orElse(Language.DEFAULT);
    }

    /** {@code money} as the reader of {@code language} writes amounts. */
    public static String amount(Language language, Money money) {
        NumberFormat format = NumberFormat.getCurrencyInstance(language.locale());
        format.setCurrency(money.getCurrency());
        return format.format(money.getAmount());
    }
}
