package org.herdbook.web.report.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.herdbook.reports.publication.control.MonthlyReports;
import org.herdbook.reports.publication.entity.ReportPublished;
import org.herdbook.web.foundation.control.FoundationProfile;
import org.herdbook.web.foundation.entity.Foundation;

/**
 * The rendered bytes of the public report pages (the index and a month) as anonymous visitors get
 * them, per address and language. A published version never changes, so a page only goes out of
 * date when something is published or the foundation's name appears at setup. Both are part of a
 * <em>stamp</em> read from the database at most every {@link #RECHECK}; a publication through this
 * server makes it re-read at once (after its commit), one through another server sharing the
 * database within {@link #RECHECK}. When the stamp changes, every kept page is dropped. When it
 * cannot be read, nothing is served from here and the pages render (and fail) as they would.
 *
 * <p>Bounded: the {@link #KEPT} most recently used pages of at most {@link #LARGEST} bytes each.
 */
@ApplicationScoped
public class PublicPageCache {

    private static final Logger LOG = Logger.getLogger(PublicPageCache.class.getName());

    static final int KEPT = 128;
    /** The largest page kept, in bytes. */
    public static final int LARGEST = 512 * 1024;
    static final Duration RECHECK = Duration.ofSeconds(2);

    /** A page as it was sent: its bytes and content type. */
    public record Page(byte[] body, String contentType) {
    }

    /** Which page: the address with its query, and the visitor's language. */
    public record Key(String address, String language) {
    }

    private record Stamp(String value, long readAtMillis) {
    }

    @Inject
    MonthlyReports reports;
    @Inject
    FoundationProfile foundation;

    Clock clock = Clock.systemUTC();

    private final ReentrantLock reading = new ReentrantLock();
    private volatile Stamp stamp;

    /** Counts the times every page was dropped; guarded by {@code pages}. */
    private long generation;

    private final Map<Key, Page> pages = new LinkedHashMap<>(32, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Page> eldest) {
            return size() > KEPT;
        }
    };

    /** The kept page, if there is one and the stamp is still current. */
    public Page get(Key key) {
        if (currentStamp() == null) {
            return null;
        }
        synchronized (pages) {
            return pages.get(key);
        }
    }

    /**
     * Where a page about to be rendered stands, for {@link #put}: a page rendered while something
     * was published is not kept.
     */
    public long beforeRendering() {
        if (currentStamp() == null) {
            return -1;
        }
        synchronized (pages) {
            return generation;
        }
    }

    /** Keeps a rendered page, unless it is too large or the pages were dropped since it started. */
    public void put(Key key, long before, Page page) {
        if (before < 0 || page.body().length > LARGEST || currentStamp() == null) {
            return;
        }
        synchronized (pages) {
            if (generation == before) {
                pages.put(key, page);
            }
        }
    }

    /** After a publication here commits: drop every page and read the stamp again on the next request. */
    void published(@Observes(during = TransactionPhase.AFTER_SUCCESS) ReportPublished event) {
        stamp = null;
        dropAll();
    }

    private void dropAll() {
        synchronized (pages) {
            pages.clear();
            generation++;
        }
    }

    int size() {
        synchronized (pages) {
            return pages.size();
        }
    }

    /**
     * The stamp, read again when older than {@link #RECHECK}. One request reads it; the others keep
     * the previous one meanwhile, or get none (and do not use the cache) when there is none yet.
     */
    private String currentStamp() {
        Stamp known = stamp;
        long now = clock.millis();
        if (known != null && now - known.readAtMillis() < RECHECK.toMillis()) {
            return known.value();
        }
        if (!reading.tryLock()) {
            return known == null ? null : known.value();
        }
        try {
            String value;
            try {
                value = reports.publicationStamp() + "|" + foundation.current().map(Foundation::getName).orElse("");
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "public pages are not cached: their stamp could not be read", e);
                stamp = null;
                return null;
            }
            if (known != null && !known.value().equals(value)) {
                dropAll();
            }
            stamp = new Stamp(value, now);
            return value;
        } finally {
            reading.unlock();
        }
    }
}
