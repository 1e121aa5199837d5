package org.herdbook.web.report.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.herdbook.reports.publication.control.MonthlyReports;
import org.herdbook.reports.publication.entity.ReportPublished;
import org.herdbook.web.foundation.control.FoundationProfile;
import org.herdbook.web.foundation.entity.Foundation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The public page cache keeps pages only while nothing was published, and stays bounded. */
class PublicPageCacheTest {

    private static final PublicPageCache.Key MAY_EN = new PublicPageCache.Key("/reports/month.xhtml?month=2026-05", "en");
    private static final PublicPageCache.Key MAY_FR = new PublicPageCache.Key("/reports/month.xhtml?month=2026-05", "fr");

    private final AtomicInteger stampReads = new AtomicInteger();
    private String publications = "1@2026-06-03 10:00:00";
    private boolean databaseDown;
    private long nowMillis = 1_000_000;
    private PublicPageCache cache;

    @BeforeEach
    void cache() {
        cache = new PublicPageCache();
        cache.reports = new MonthlyReports() {
            @Override
            public String publicationStamp() {
                stampReads.incrementAndGet();
                if (databaseDown) {
                    throw new IllegalStateException("connection refused");
                }
                return publications;
            }
        };
        cache.foundation = new FoundationProfile() {
            @Override
            public Optional<Foundation> current() {
                return Optional.empty();
            }
        };
        cache.clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return Instant.ofEpochMilli(nowMillis);
            }
        };
    }

    private static PublicPageCache.Page page(String text) {
        return new PublicPageCache.Page(text.getBytes(StandardCharsets.UTF_8), "text/html;charset=UTF-8");
    }

    private void render(PublicPageCache.Key key, String text) {
        long before = cache.beforeRendering();
        cache.put(key, before, page(text));
    }

    @Test
    void aRenderedPageIsServedPerLanguageAndTheStampIsReadOncePerInterval() {
        assertThat(cache.get(MAY_EN)).isNull();
        render(MAY_EN, "May");
        render(MAY_FR, "Mai");
        for (int i = 0; i < 100; i++) {
            assertThat(new String(cache.get(MAY_EN).body(), StandardCharsets.UTF_8)).isEqualTo("May");
        }
        assertThat(new String(cache.get(MAY_FR).body(), StandardCharsets.UTF_8)).isEqualTo("Mai");
        assertThat(stampReads).hasValue(1);

        nowMillis += PublicPageCache.RECHECK.toMillis();
        assertThat(cache.get(MAY_EN)).as("nothing published meanwhile").isNotNull();
        assertThat(stampReads).hasValue(2);
    }

    @Test
    void aPublicationHereDropsEveryPageAtOnceAndAPageRenderedAcrossItIsNotKept() {
        render(MAY_EN, "May, version 1");
        long before = cache.beforeRendering();
        publications = "2@2026-06-04 09:00:00";
        cache.published(new ReportPublished(YearMonth.of(2026, 5), 2));
        cache.put(MAY_EN, before, page("May, version 1, rendered while version 2 was published"));
        assertThat(cache.get(MAY_EN)).isNull();
        assertThat(cache.size()).isZero();

        render(MAY_EN, "May, version 2");
        assertThat(new String(cache.get(MAY_EN).body(), StandardCharsets.UTF_8)).isEqualTo("May, version 2");
    }

    @Test
    void aPublicationByAnotherServerDropsThePagesOnTheNextCheck() {
        render(MAY_EN, "May, version 1");
        publications = "2@2026-06-04 09:00:00";
        assertThat(cache.get(MAY_EN)).as("until the stamp is read again").isNotNull();
        nowMillis += PublicPageCache.RECHECK.toMillis();
        assertThat(cache.get(MAY_EN)).isNull();
        assertThat(cache.size()).isZero();
    }

    @Test
    void theCacheKeepsOnlyTheMostRecentlyUsedPagesAndNoHugeOnes() {
        render(MAY_EN, "first");
        for (int i = 0; i < PublicPageCache.KEPT; i++) {
            render(new PublicPageCache.Key("/reports/month.xhtml?month=2026-05&version=" + i, "en"), "v" + i);
        }
        assertThat(cache.size()).isEqualTo(PublicPageCache.KEPT);
        assertThat(cache.get(MAY_EN)).isNull();

        render(MAY_FR, "x".repeat(PublicPageCache.LARGEST + 1));
        assertThat(cache.get(MAY_FR)).isNull();
    }

    @Test
    void withoutADatabaseNothingIsServedFromTheCache() {
        render(MAY_EN, "May");
        nowMillis += PublicPageCache.RECHECK.toMillis();
        databaseDown = true;
        assertThat(cache.get(MAY_EN)).isNull();
        assertThat(cache.beforeRendering()).isNegative();
        databaseDown = false;
        assertThat(cache.get(MAY_EN)).as("same stamp as before the failure").isNotNull();
    }
}
