package org.herdbook.system;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Synthetic PayPal activity downloads for the finance system tests, each in a month of its own
 * (a far-future year drawn at random) with transaction ids of its own, so tests never meet.
 */
final class FinanceFiles {

    static final String ENGLISH_HEADER = "\"Date\",\"Time\",\"TimeZone\",\"Name\",\"Type\",\"Status\",\"Currency\","
            + "\"Gross\",\"Fee\",\"Net\",\"From Email Address\",\"To Email Address\",\"Transaction ID\",\"Reference Txn ID\","
            + "\"Balance Impact\"";
    static final String FRENCH_HEADER = "\"Date\",\"Heure\",\"Fuseau horaire\",\"Nom\",\"Type\",\"État\",\"Devise\","
            + "\"Brut\",\"Frais\",\"Net\",\"De l’adresse email\",\"À l’adresse email\",\"Numéro de transaction\","
            + "\"Numéro de la transaction de référence\",\"Impact sur le solde\"";

    final int year;
    final String prefix = "IT" + UUID.randomUUID().toString().substring(0, 8).toUpperCase() + "-";
    private final List<String> rows = new ArrayList<>();
    private final boolean french;

    FinanceFiles(boolean french) {
        this(french, ThreadLocalRandom.current().nextInt(2200, 2990));
    }

    FinanceFiles(boolean french, int year) {
        this.french = french;
        this.year = year;
    }

    String month() {
        return year + "-10";
    }

    /** A row on 10/{day} of the test's year; {@code id} is prefixed with the test's own prefix. */
    FinanceFiles row(int day, String type, String gross, String fee, String net, String id, String reference) {
        String date = french ? String.format("%02d/10/%d", day, year) : String.format("10/%02d/%d", day, year);
        String impact = gross.startsWith("-") ? (french ? "Débit" : "Debit") : (french ? "Crédit" : "Credit");
        rows.add(String.join(",", quoted(date), quoted("12:00:00"), quoted(french ? "HAC" : "CDT"), quoted("Someone"),
                quoted(type), quoted(french ? "Terminé" : "Completed"), quoted("CAD"), quoted(gross), quoted(fee),
                quoted(net), quoted("payer@example.org"), quoted("treasurer@example.org"), quoted(prefix + id),
                quoted(reference == null ? "" : prefix + reference), quoted(impact)));
        return this;
    }

    byte[] bytes() {
        return ((french ? FRENCH_HEADER : ENGLISH_HEADER) + "\r\n" + String.join("\r\n", rows) + "\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The usual month: a subscription, a donation, its refund, money sent, a withdrawal. */
    static FinanceFiles typicalMonth(boolean french) {
        FinanceFiles file = new FinanceFiles(french);
        if (french) {
            return file.row(1, "Paiement d’abonnement", "10,00", "-0,59", "9,41", "SUB", null)
                    .row(2, "Paiement de don", "1\u00a0250,00", "-36,55", "1\u00a0213,45", "DON", null)
                    .row(3, "Remboursement de paiement", "-1\u00a0250,00", "36,55", "-1\u00a0213,45", "REF", "DON")
                    .row(4, "Paiement général", "-15,00", "0,00", "-15,00", "GEN", null)
                    .row(5, "Retrait général", "-5,00", "0,00", "-5,00", "WD", null);
        }
        return file.row(1, "Subscription Payment", "10.00", "-0.59", "9.41", "SUB", null)
                .row(2, "Donation Payment", "1,250.00", "-36.55", "1,213.45", "DON", null)
                .row(3, "Payment Refund", "-1,250.00", "36.55", "-1,213.45", "REF", "DON")
                .row(4, "General Payment", "-15.00", "0.00", "-15.00", "GEN", null)
                .row(5, "General Withdrawal", "-5.00", "0.00", "-5.00", "WD", null);
    }

    private static String quoted(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }

    /** POSTs {@code body} as {@code text/csv}. */
    static HttpResponse<String> postCsv(String path, byte[] body, String bearer, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(TestServer.url(path)))
                .timeout(Duration.ofSeconds(120)).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (bearer != null) {
            request.header("Authorization", bearer);
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            return TestServer.newSession().send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<String> post(String path, String bearer) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(TestServer.url(path))).timeout(Duration.ofSeconds(60))
                .header("Authorization", bearer).POST(HttpRequest.BodyPublishers.noBody()).build();
        try {
            return TestServer.newSession().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

}
