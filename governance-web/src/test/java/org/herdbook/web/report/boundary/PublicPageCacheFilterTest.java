package org.herdbook.web.report.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.herdbook.web.report.control.PublicPageCache;
import org.junit.jupiter.api.Test;

/** Which requests the public page cache may answer, and under which key. */
class PublicPageCacheFilterTest {

    private static Optional<PublicPageCache.Key> key(String method, String path, boolean anonymous, String query) {
        return PublicPageCacheFilter.keyOf(method, path, null, anonymous, query, "fr");
    }

    @Test
    void anAnonymousGetOfAPublicReportPageHasAKeyWithItsQueryAndLanguage() {
        assertThat(key("GET", "/reports/month.xhtml", true, "month=2026-03"))
                .contains(new PublicPageCache.Key("/reports/month.xhtml?month=2026-03", "fr"));
        assertThat(key("GET", "/reports/month.xhtml", true, "month=2026-03&version=2"))
                .contains(new PublicPageCache.Key("/reports/month.xhtml?month=2026-03&version=2", "fr"));
        assertThat(key("GET", "/reports/index.xhtml", true, null))
                .contains(new PublicPageCache.Key("/reports/index.xhtml", "fr"));
        assertThat(PublicPageCacheFilter.keyOf("GET", "/reports/index.xhtml", null, true, null, "en"))
                .isNotEqualTo(key("GET", "/reports/index.xhtml", true, null));
    }

    @Test
    void signedInVisitorsOtherMethodsAndOtherPagesAreNeverCached() {
        assertThat(key("GET", "/reports/month.xhtml", false, "month=2026-03")).isEmpty();
        assertThat(key("POST", "/reports/month.xhtml", true, "month=2026-03")).isEmpty();
        assertThat(key("HEAD", "/reports/month.xhtml", true, "month=2026-03")).isEmpty();
        assertThat(key("GET", "/reports/verify.xhtml", true, null)).isEmpty();
        assertThat(key("GET", "/board/reports.xhtml", true, null)).isEmpty();
        assertThat(PublicPageCacheFilter.keyOf("GET", "/reports/month.xhtml", "/x", true, "month=2026-03", "en"))
                .isEmpty();
    }

    @Test
    void queriesWithOtherParametersOrValuesAreNotCachedSoNothingAVisitorTypedIsKeptOrReflected() {
        assertThat(key("GET", "/reports/month.xhtml", true, "month=2026-03&lang=fr")).isEmpty();
        assertThat(key("GET", "/reports/month.xhtml", true, "month=%3Cscript%3E")).isEmpty();
        assertThat(key("GET", "/reports/month.xhtml", true, "month=2026-03&")).isEmpty();
        assertThat(key("GET", "/reports/month.xhtml", true, "month")).isEmpty();
        assertThat(key("GET", "/reports/month.xhtml", true, "jakarta.faces.ViewState=1")).isEmpty();
        assertThat(key("GET", "/reports/month.xhtml", true, "month=" + "1".repeat(80))).isEmpty();
    }
}
