package org.herdbook.system.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import org.herdbook.system.TestDatabase;
import org.herdbook.system.TestPeople;
import org.herdbook.system.TestServer;
import org.junit.jupiter.api.Test;

/**
 * The monthly report of a month with 100,000 ledger postings (50,000 donations), and the public
 * month page under load. Runs only with {@code -Pbench}; prints its figures beside the targets:
 * draft figures, publication (figures, PDF, signature), JSON and page under 2 s together; the page
 * at more than 3,000 requests per second.
 */
class MonthlyReportBenchmark {

    private static final Logger LOG = Logger.getLogger(MonthlyReportBenchmark.class.getName());
    private static final String MONTH = "2002-03";
    private static final int ENTRIES = 50_000;
    private static final Duration LOAD = Duration.ofSeconds(15);
    private static final int CLIENTS = 8;

    @Test
    void reportOfAMonthWithAHundredThousandPostingsAndThePageUnderLoad() throws Exception {
        TestServer.awaitReady(Duration.ofMinutes(3));
        TestServer.setUpFoundationIfNew();
        TestDatabase.update("INSERT INTO finance.journal_entry (id, entry_date, occurred_at, description, source,"
                + " recorded_by) SELECT md5('bench-report-' || i)::uuid, DATE '2002-03-01' + (i % 31), now(),"
                + " 'Donation ' || i, 'manual', 'bench' FROM generate_series(1, ?) i", ENTRIES);
        TestDatabase.update("INSERT INTO finance.posting (entry_id, entry_date, account_code, currency, amount)"
                + " SELECT e.id, e.entry_date, side.account, 'CAD', side.sign * round((abs(hashtext(e.description)) % 9900 + 100) / 100.0, 2)"
                + " FROM finance.journal_entry e CROSS JOIN (VALUES ('1010', 1), ('4100', -1)) AS side(account, sign)"
                + " WHERE e.recorded_by = 'bench' AND e.entry_date BETWEEN DATE '2002-03-01' AND DATE '2002-03-31'");
        TestDatabase.update("INSERT INTO finance.closed_month (month, closed_by) VALUES (DATE '2002-03-01', 'bench')");
        TestDatabase.update("ANALYZE finance.posting");
        long postings = TestDatabase.number("SELECT count(*) FROM finance.posting WHERE entry_date BETWEEN"
                + " DATE '2002-03-01' AND DATE '2002-03-31'");
        String treasurer = TestPeople.withRoles("Bench treasurer", "treasurer").bearer();
        String board = TestPeople.withRoles("Bench board", "board").bearer();
        HttpClient client = TestServer.newSession();

        long begin = System.nanoTime();
        HttpResponse<String> draft = TestServer.postJson(client, "/api/reports/" + MONTH + "/draft", "",
                "Authorization", treasurer);
        long drafted = System.nanoTime();
        HttpResponse<String> published = TestServer.postJson(client, "/api/reports/" + MONTH + "/publication", "",
                "Authorization", board);
        long publishedAt = System.nanoTime();
        HttpResponse<String> json = TestServer.get(client, "/api/reports/" + MONTH);
        long jsonAt = System.nanoTime();
        HttpResponse<String> page = TestServer.get(client, "/reports/month.xhtml?month=" + MONTH);
        long pageAt = System.nanoTime();
        assertThat(draft.statusCode()).as(draft.body()).isEqualTo(200);
        assertThat(published.statusCode()).as(published.body()).isEqualTo(201);
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(TestServer.json(json).getJsonObject("figures").getJsonObject("donations").getInt("count"))
                .isEqualTo(ENTRIES);

        AtomicLong served = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        long loadEnd = System.nanoTime() + LOAD.toNanos();
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            running.add(pool.submit(() -> {
                HttpClient own = TestServer.newSession();
                HttpRequest request = HttpRequest.newBuilder(URI.create(TestServer.url("/reports/month.xhtml?month="
                        + MONTH))).timeout(Duration.ofSeconds(30)).GET().build();
                while (System.nanoTime() < loadEnd) {
                    try {
                        int status = own.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                        (status == 200 ? served : failed).incrementAndGet();
                    } catch (java.io.IOException e) {
                        failed.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> each : running) {
            each.get();
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.MINUTES);
        double perSecond = served.get() / (double) LOAD.toSeconds();
        LOG.info(() -> String.format(java.util.Locale.ROOT, "Monthly report of a month with %,d postings:"
                + " draft figures %d ms, publication (figures, PDF %,d bytes, signature) %d ms, JSON %d ms, page %d ms;"
                + " total %d ms (target < 2000 ms)%n"
                + "Public month page: %,d requests in %d s with %d clients = %.0f requests/s (target > 3000/s), %d failed",
                postings, millis(begin, drafted), TestDatabase.number("SELECT length(pdf) FROM reports.monthly_report"
                        + " WHERE month = DATE '2002-03-01' AND state = 'published'"), millis(drafted, publishedAt),
                millis(publishedAt, jsonAt), millis(jsonAt, pageAt), millis(begin, pageAt), served.get(),
                LOAD.toSeconds(), CLIENTS, perSecond, failed.get()));
        assertThat(failed.get()).isZero();
    }

    private static long millis(long from, long to) {
        return TimeUnit.NANOSECONDS.toMillis(to - from);
    }
}
