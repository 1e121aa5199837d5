package org.herdbook.web.finance.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.herdbook.finance.policy.FinancePolicy;
import org.herdbook.web.foundation.control.FoundationProfile;

/**
 * The finance module's view of the foundation: its currency and time zone from the foundation's
 * settings, thresholds and limits from the configuration ({@code HERDBOOK_EXPENSE_APPROVAL_THRESHOLD},
 * {@code HERDBOOK_RUNWAY_TARGET_MONTHS}, {@code HERDBOOK_INVOICE_MAX_MB}, {@code HERDBOOK_IMPORT_MAX_MB}).
 *
 * <p>The currency and time zone are fixed at first run (nothing in Herdbook changes them
 * afterwards), so they are read from the database once the foundation exists and then kept: a
 * PayPal booking asks for the time zone on every webhook delivery, and that query was 5 to 10% of
 * the server's time in the webhook benchmark. Before first run nothing is kept.
 */
@ApplicationScoped
public class FoundationFinancePolicy implements FinancePolicy {

    private static final Currency BEFORE_SETUP = Currency.getInstance("CAD");
    private static final long MEGABYTE = 1024L * 1024;

    @Inject
    FoundationProfile foundation;
    @Inject
    @ConfigProperty(name = "herdbook.expense.approval-threshold", defaultValue = "500")
    BigDecimal approvalThreshold;
    @Inject
    @ConfigProperty(name = "herdbook.runway.target-months", defaultValue = "6")
    int runwayTarget;
    @Inject
    @ConfigProperty(name = "herdbook.invoice.max-mb", defaultValue = "10")
    long invoiceMaxMegabytes;
    @Inject
    @ConfigProperty(name = "herdbook.import.max-mb", defaultValue = "40")
    long importMaxMegabytes;

    private volatile Fixed fixed;

    /** What first run set once and for all. */
    private record Fixed(Currency currency, ZoneId timeZone) {
    }

    private Optional<Fixed> fixed() {
        Fixed known = fixed;
        if (known == null) {
            known = foundation.current().map(set -> new Fixed(set.getDefaultCurrency(), set.getTimeZone())).orElse(null);
            fixed = known;
        }
        return Optional.ofNullable(known);
    }

    @Override
    public Currency currency() {
        return fixed().map(Fixed::currency).orElse(BEFORE_SETUP);
    }

    @Override
    public ZoneId timeZone() {
        return fixed().map(Fixed::timeZone).orElse(ZoneOffset.UTC);
    }

    @Override
    public BigDecimal expenseApprovalThreshold() {
        return approvalThreshold;
    }

    @Override
    public int runwayTargetMonths() {
        return runwayTarget;
    }

    @Override
    public long invoiceMaxBytes() {
        return invoiceMaxMegabytes * MEGABYTE;
    }

    @Override
    public long importMaxBytes() {
        return importMaxMegabytes * MEGABYTE;
    }
}
