package org.herdbook.finance.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.herdbook.finance.paypal.control.ImportProgress;
import org.herdbook.finance.paypal.entity.ImportReport;
import org.herdbook.finance.reconciliation.entity.ItemState;
import org.herdbook.finance.reconciliation.entity.MonthReconciliation;
import org.herdbook.finance.testing.Books;
import org.herdbook.finance.testing.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * Imports and matches a 100,000-row activity download (generated here, never committed) on a
 * real embedded PostgreSQL, and prints rows per second. Runs only with {@code -Pbench}; the
 * target (under 10 s on the 2-core reference machine) is printed, not asserted.
 */
class ActivityImportBenchmark {

    static final int ROWS = Integer.getInteger("bench.rows", 100_000);
    private static final long TARGET_MILLIS = 10_000;

    @Test
    void importAndMatchAHundredThousandRows() {
        byte[] csv = generate();
        Books books = new Books();
        long begin = System.nanoTime();
        ImportReport report = books.database.inTransaction(() -> books.paypal.importActivity(csv, "bench.csv", "bench",
                true, ImportProgress.NONE));
        long imported = System.nanoTime();
        int matched = 0;
        for (YearMonth month = YearMonth.of(2026, 1); !month.isAfter(YearMonth.of(2026, 3)); month = month.plusMonths(1)) {
            MonthReconciliation reconciliation = books.reconciliation.forMonth(month);
            matched += reconciliation.counts().getOrDefault(ItemState.MATCHED, 0);
        }
        long done = System.nanoTime();
        long importMillis = TimeUnit.NANOSECONDS.toMillis(imported - begin);
        long totalMillis = TimeUnit.NANOSECONDS.toMillis(done - begin);
        String figures = String.format(Locale.ROOT, "%n== PayPal activity import benchmark (%,d rows, %.1f MB) ==%n"
                        + "import (parse, store, book): %,d ms, %,.0f rows/s%n"
                        + "match (reconcile the three months): %,d ms, %,d matched%n"
                        + "total: %,d ms, %,.0f rows/s (target < %,d ms): %s%n",
                ROWS, csv.length / 1_048_576.0, importMillis, ROWS * 1000.0 / importMillis,
                totalMillis - importMillis, matched, totalMillis, ROWS * 1000.0 / totalMillis, TARGET_MILLIS,
                totalMillis < TARGET_MILLIS ? "met" : "NOT MET");
        System.err.println(figures);
        assertThat(report.booked()).isEqualTo(ROWS);
        assertThat(matched).isEqualTo(ROWS);
    }

    /** Subscription payments, donations, refunds and general payments over January to March 2026. */
    private static byte[] generate() {
        String header = Fixtures.text("activity-en.csv").lines().findFirst().orElseThrow();
        ByteArrayOutputStream out = new ByteArrayOutputStream(ROWS * 200);
        StringBuilder text = new StringBuilder(header).append("\r\n");
        LocalDateTime start = LocalDateTime.of(2026, 1, 1, 12, 0);
        String empties = ",\"\"".repeat(11);
        for (int i = 0; i < ROWS; i++) {
            LocalDateTime at = start.plusSeconds(i * 70L);
            String type;
            String gross;
            String fee;
            String net;
            String reference = "";
            switch (i % 10) {
                case 0, 1, 2, 3, 4 -> { type = "Subscription Payment"; gross = "10.00"; fee = "-0.59"; net = "9.41"; }
                case 5, 6 -> { type = "Donation Payment"; gross = "1,250.00"; fee = "-36.55"; net = "1,213.45"; }
                case 7 -> { type = "General Payment"; gross = "-15.00"; fee = "0.00"; net = "-15.00"; }
                case 8 -> { type = "Payment Refund"; gross = "-10.00"; fee = "0.59"; net = "-9.41"; reference = "B" + (i - 8); }
                default -> { type = "Website Payment"; gross = "25.00"; fee = "-1.03"; net = "23.97"; }
            }
            text.append('"').append(String.format(Locale.ROOT, "%02d/%02d/%04d", at.getMonthValue(), at.getDayOfMonth(),
                            at.getYear())).append("\",\"").append(String.format(Locale.ROOT, "%02d:%02d:%02d", at.getHour(), at.getMinute(), at.getSecond())).append("\",\"CST\",\"Member ")
                    .append(i).append("\",\"").append(type).append("\",\"Completed\",\"CAD\",\"").append(gross)
                    .append("\",\"").append(fee).append("\",\"").append(net)
                    .append("\",\"m").append(i).append("@example.org\",\"t@example.org\",\"B").append(i).append('"')
                    .append(empties).append(",\"").append(reference).append('"').append(",\"\"".repeat(15))
                    .append(",\"").append(gross.startsWith("-") ? "Debit" : "Credit").append("\"\r\n");
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        out.writeBytes(bytes);
        return out.toByteArray();
    }
}
