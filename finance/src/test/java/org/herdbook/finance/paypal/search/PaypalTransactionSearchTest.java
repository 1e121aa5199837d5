package org.herdbook.finance.paypal.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.herdbook.finance.Refusal;
import org.herdbook.finance.money.Money;
import org.herdbook.finance.paypal.control.ImportProgress;
import org.herdbook.finance.paypal.entity.ImportReport;
import org.herdbook.finance.paypal.entity.LineKind;
import org.herdbook.finance.paypal.entity.PaypalLine;
import org.herdbook.finance.testing.Books;
import org.herdbook.finance.testing.Fixtures;
import org.herdbook.paypal.emulator.EmulatedTransaction;
import org.herdbook.paypal.emulator.EmulatorRoute;
import org.herdbook.paypal.emulator.PaypalEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PaypalTransactionSearchTest {

    private static final Instant SEPTEMBER_1 = Instant.parse("2026-09-01T05:00:00Z");

    private final PaypalEmulator emulator;

    PaypalTransactionSearchTest() throws Exception {
        emulator = PaypalEmulator.start(0, "client-id", "client-secret");
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private PaypalTransactionSearch search(String secret) {
        return new PaypalTransactionSearch(new PaypalApiAccess("client-id", secret, true),
                List.of(new EmulatorRoute(emulator.baseUrl())));
    }

    @Test
    void aLongPeriodIsCutInto31DayWindowsAndEveryPageIsRead() {
        for (int i = 0; i < 620; i++) {
            emulator.add(new EmulatedTransaction("SUB-" + i, "T0002", SEPTEMBER_1.plus(i, ChronoUnit.MINUTES), "CAD", "10.00",
                    "-0.59", "S", null, "member" + i + "@example.org"));
        }
        emulator.add(new EmulatedTransaction("REF-1", "T1107", SEPTEMBER_1.plus(40, ChronoUnit.DAYS), "CAD", "-10.00",
                "0.59", "S", "SUB-1", null));
        emulator.add(new EmulatedTransaction("DENIED-1", "T0013", SEPTEMBER_1.plus(41, ChronoUnit.DAYS), "CAD", "5.00",
                "0.00", "D", null, null));
        emulator.add(new EmulatedTransaction("CONV-1", "T0200", SEPTEMBER_1.plus(70, ChronoUnit.DAYS), "CAD", "-100.00",
                "0.00", "S", null, null));

        List<PaypalLine> lines = search("client-secret").fetch(SEPTEMBER_1, SEPTEMBER_1.plus(75, ChronoUnit.DAYS));

        assertThat(lines).hasSize(622);
        assertThat(lines.get(0).kind()).isEqualTo(LineKind.SUBSCRIPTION_PAYMENT);
        assertThat(lines.get(0).net()).isEqualTo(Money.parse("CAD 9.41"));
        assertThat(lines).filteredOn(line -> line.transactionId().equals("REF-1")).singleElement()
                .satisfies(line -> assertThat(line.referenceTransactionId()).isEqualTo("SUB-1"));
        List<String> searches = emulator.requests().stream().filter(r -> r.startsWith("GET /v1/reporting/transactions"))
                .toList();
        assertThat(searches).as("3 windows, the first with 2 pages of 500").hasSize(4);
        assertThat(searches.get(0)).contains("page_size=500", "page=1", "balance_affecting_records_only=Y");
        assertThat(searches.get(1)).contains("page=2");
        assertThat(emulator.requests()).anyMatch(request -> request.startsWith("POST /v1/oauth2/token"));
    }

    @Test
    void transactionsFromTheApiAndFromAFileAreBookedOnce() {
        Books books = new Books();
        books.database.inTransaction(() -> books.paypal.importActivity(Fixtures.bytes("activity-en.csv"), "en.csv", "t",
                true, ImportProgress.NONE));
        emulator.add(new EmulatedTransaction("EN-SUB-1", "T0002", Instant.parse("2026-10-01T14:15:00Z"), "CAD", "10.00",
                "-0.59", "S", null, null));
        emulator.add(new EmulatedTransaction("API-DON-9", "T0013", Instant.parse("2026-10-20T14:15:00Z"), "CAD", "25.00",
                "-1.03", "S", null, null));
        List<PaypalLine> lines = search("client-secret").fetch(Instant.parse("2026-10-01T00:00:00Z"),
                Instant.parse("2026-11-01T00:00:00Z"));
        ImportReport report = books.database.inTransaction(() -> books.paypal.importLines("transaction-search", null,
                "sync", lines.size(), 0, lines, "t", true, ImportProgress.NONE));
        assertThat(report.duplicates()).isEqualTo(1);
        assertThat(report.booked()).isEqualTo(1);
        assertThat(books.ledger.entriesForPaypalTransaction("API-DON-9")).hasSize(1);
    }

    @Test
    void wrongCredentialsAreARefusalNotACrash() {
        assertThatThrownBy(() -> search("wrong").fetch(SEPTEMBER_1, SEPTEMBER_1.plus(1, ChronoUnit.DAYS)))
                .isInstanceOfSatisfying(Refusal.class, refusal -> assertThat(refusal.messageKey()).startsWith("finance.paypal."));
    }

    @Test
    void windowsNeverExceed31Days() {
        assertThat(PaypalTransactionSearch.windows(SEPTEMBER_1, SEPTEMBER_1.plus(62, ChronoUnit.DAYS))).hasSize(2)
                .allSatisfy(window -> assertThat(window[1]).isBefore(window[0].plus(31, ChronoUnit.DAYS)));
    }
}
