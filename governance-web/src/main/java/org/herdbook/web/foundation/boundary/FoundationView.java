package org.herdbook.web.foundation.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Optional;
import org.herdbook.web.foundation.control.FoundationProfile;
import org.herdbook.web.foundation.entity.Foundation;

/** The foundation as every page shows it ({@code #{foundation}}), read once per request. */
@Named("foundation")
@RequestScoped
public class FoundationView {

    @Inject
    FoundationProfile profile;

    private Optional<Foundation> current;

    private Optional<Foundation> current() {
        if (current == null) {
            current = profile.current();
        }
        return current;
    }

    public boolean isSetUp() {
        return current().isPresent();
    }

    /** The foundation's name, or empty before setup (pages then show Herdbook's own name). */
    public String getName() {
        return current().map(Foundation::getName).orElse("");
    }

    public String getDefaultCurrency() {
        return current().map(foundation -> foundation.getDefaultCurrency().getCurrencyCode()).orElse("");
    }

    public String getTimeZone() {
        return current().map(foundation -> foundation.getTimeZone().getId()).orElse("");
    }
}
