package org.herdbook.web.report.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.herdbook.reports.publication.control.ReportSettings;
import org.herdbook.web.foundation.control.FoundationProfile;
import org.herdbook.web.foundation.entity.Foundation;

/** The report's view of the foundation: its name and time zone from its settings, the public address from HERDBOOK_BASE_URL. */
@ApplicationScoped
public class FoundationReportSettings implements ReportSettings {

    @Inject
    FoundationProfile foundation;
    @Inject
    @ConfigProperty(name = "herdbook.base-url", defaultValue = "http://localhost:9080")
    String baseUrl;

    @Override
    public String foundationName() {
        return foundation.current().map(Foundation::getName).orElse("Herdbook");
    }

    @Override
    public ZoneId timeZone() {
        return foundation.current().map(Foundation::getTimeZone).orElse(ZoneOffset.UTC);
    }

    @Override
    public String baseUrl() {
        return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }
}
