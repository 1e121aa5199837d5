package org.herdbook.finance.paypal.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.herdbook.finance.money.Money;
import org.herdbook.finance.paypal.entity.ImportReport;
import org.herdbook.finance.paypal.entity.LineKind;
import org.herdbook.finance.paypal.entity.PaypalLine;
import org.herdbook.finance.testing.Books;
import org.herdbook.finance.testing.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The booking lock: one transaction's bookings (webhooks, the return page) run side by side with
 * other transactions' and take turns with their own; a whole file waits for all of them.
 */
class PaypalBookingLockTest {

    /** Only a guard against a test that would otherwise hang: nothing here is expected to take long. */
    private static final long GUARD_SECONDS = 60;

    private final Books books = new Books();
    private final ExecutorService threads = Executors.newFixedThreadPool(3);

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    private ImportReport bookOne(String transactionId) {
        PaypalLine line = new PaypalLine(transactionId, Instant.parse("2026-10-14T15:00:00Z"), LineKind.DONATION,
                "Donation Payment", "Completed", Money.parse("CAD 20.00"), Money.parse("CAD -0.88"),
                Money.parse("CAD 19.12"), null, null);
        return books.paypal.importLines("webhook", null, null, 1, 0, List.of(line), "paypal-webhook", true,
                ImportProgress.NONE);
    }

    private ImportReport refundOf(String original, String refundId) {
        PaypalLine line = new PaypalLine(refundId, Instant.parse("2026-10-15T15:00:00Z"), LineKind.REFUND,
                "Payment Refund", "Completed", Money.parse("CAD -20.00"), Money.parse("CAD 0.88"),
                Money.parse("CAD -19.12"), original, null);
        return books.paypal.importLines("webhook", null, null, 1, 0, List.of(line), "paypal-webhook", true,
                ImportProgress.NONE);
    }

    /** Waits until {@code count} advisory lock requests of this test's database are queued, not granted. */
    private void awaitWaiting(int count) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(GUARD_SECONDS);
        while (waiting() < count) {
            assertThat(System.nanoTime()).as("%d bookings waiting for the lock", count).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private long waiting() throws SQLException {
        return books.database.count("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"
                + " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())");
    }

    /** A booking (or import) done in a transaction that stays open, holding its locks, until {@link #commit}. */
    private final class Held {
        private final CountDownLatch commit = new CountDownLatch(1);
        private final Future<ImportReport> report;

        Held(Supplier<ImportReport> work) throws Exception {
            CountDownLatch done = new CountDownLatch(1);
            report = threads.submit(() -> books.database.inTransaction(() -> {
                ImportReport result = work.get();
                done.countDown();
                assertThat(commit.await(GUARD_SECONDS, TimeUnit.SECONDS)).isTrue();
                return result;
            }));
            assertThat(done.await(GUARD_SECONDS, TimeUnit.SECONDS)).isTrue();
        }

        ImportReport commit() throws Exception {
            commit.countDown();
            return report.get(GUARD_SECONDS, TimeUnit.SECONDS);
        }
    }

    @Test
    void bookingsOfDifferentTransactionsGoSideBySideAndOfTheSameOneTakeTurnsAndFilesWaitForThem() throws Exception {
        Held first = new Held(() -> bookOne("CAP-A"));

        ImportReport other = threads.submit(() -> books.database.inTransaction(() -> bookOne("CAP-B")))
                .get(GUARD_SECONDS, TimeUnit.SECONDS);
        assertThat(other.booked()).as("another transaction is booked while CAP-A's booking is still open").isEqualTo(1);

        Future<ImportReport> again = threads.submit(() -> books.database.inTransaction(() -> bookOne("CAP-A")));
        awaitWaiting(1);
        Future<ImportReport> file = threads.submit(() -> books.database.inTransaction(() -> books.paypal.importActivity(
                Fixtures.bytes("activity-en.csv"), "activity.csv", "treasurer-1", true, ImportProgress.NONE)));
        awaitWaiting(2);
        assertThat(again).as("CAP-A again waits for the first booking of CAP-A").isNotDone();
        assertThat(file).as("a file waits for the bookings in flight").isNotDone();

        assertThat(first.commit().booked()).isEqualTo(1);
        ImportReport second = again.get(GUARD_SECONDS, TimeUnit.SECONDS);
        assertThat(second.duplicates()).as("it then finds CAP-A stored").isEqualTo(1);
        assertThat(second.booked()).isZero();
        assertThat(file.get(GUARD_SECONDS, TimeUnit.SECONDS).booked()).isEqualTo(12);
        assertThat(books.ledger.entriesForPaypalTransaction("CAP-A")).hasSize(1);
        assertThat(books.ledger.entriesForPaypalTransaction("CAP-B")).hasSize(1);
        assertThat(waiting()).isZero();
    }

    @Test
    void aRefundTakesTurnsWithTheBookingOfItsOriginal() throws Exception {
        Held sale = new Held(() -> bookOne("CAP-R"));
        Future<ImportReport> refund = threads.submit(() -> books.database.inTransaction(() -> refundOf("CAP-R",
                "REF-R")));
        awaitWaiting(1);
        assertThat(refund).as("the refund waits for its sale's booking, not only for its own id").isNotDone();

        assertThat(sale.commit().booked()).isEqualTo(1);
        assertThat(refund.get(GUARD_SECONDS, TimeUnit.SECONDS).booked()).isEqualTo(1);
        assertThat(books.ledger.entriesForPaypalTransaction("REF-R")).hasSize(1);
        assertThat(waiting()).isZero();
    }

    @Test
    void aFileInFlightHoldsOffSingleBookings() throws Exception {
        Held file = new Held(() -> books.paypal.importActivity(Fixtures.bytes("activity-en.csv"), "activity.csv",
                "treasurer-1", true, ImportProgress.NONE));

        Future<ImportReport> fromFile = threads.submit(() -> books.database.inTransaction(() -> bookOne("EN-DON-1")));
        awaitWaiting(1);
        assertThat(fromFile).isNotDone();

        assertThat(file.commit().booked()).isEqualTo(12);
        assertThat(fromFile.get(GUARD_SECONDS, TimeUnit.SECONDS).booked()).as("the file brought it first").isZero();
        assertThat(books.ledger.entriesForPaypalTransaction("EN-DON-1")).hasSize(1);
    }
}
