package org.herdbook.web.membership.control;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.herdbook.finance.money.Money;
import org.herdbook.web.api.InvalidInput;
import org.herdbook.web.membership.entity.Standing;

/**
 * The rules for what the board and the treasurer type in, shared by the API and the pages.
 * Each method returns clean values or throws {@link InvalidInput} with every reason.
 */
public final class MemberForms {

    public static final int REASON_MAXIMUM = 500;
    public static final int MONTHS_MAXIMUM = 24;
    static final BigDecimal AMOUNT_MAXIMUM = new BigDecimal("100000");

    public record Decision(Standing standing, LocalDate effectiveOn, String reason) {
    }

    public record Payment(Money amount, LocalDate paidOn, int months, String reference) {
    }

    private MemberForms() {
    }

    /** An ISO day ("2026-11-22"). */
    public static LocalDate day(String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeException | NullPointerException e) {
            throw new InvalidInput(List.of("validation.date.invalid"));
        }
    }

    public static Decision decision(String standing, LocalDate effectiveOn, String reason, LocalDate today) {
        List<String> problems = new ArrayList<>();
        Optional<Standing> target = Standing.ofCode(standing == null ? "" : standing.strip());
        if (target.isEmpty() || !target.get().decidedByBoard()) {
            problems.add("validation.standing.invalid");
        }
        LocalDate day = effectiveOn == null ? today : effectiveOn;
        if (day.isAfter(today.plusYears(1)) || day.isBefore(today.minusYears(1))) {
            problems.add("validation.effective-on.out-of-range");
        }
        String cleanReason = reason == null ? "" : reason.strip();
        if (cleanReason.length() > REASON_MAXIMUM) {
            problems.add("validation.reason.too-long");
        }
        if (target.filter(Standing.REMOVED::equals).isPresent() && cleanReason.isEmpty()) {
            problems.add("validation.reason.required");
        }
        InvalidInput.refuseUnlessEmpty(problems);
        return new Decision(target.orElseThrow(), day, cleanReason);
    }

    public static Memberships.ProjectGrant projectGrant(String project, String description, String evidenceUrl,
            LocalDate startsOn, LocalDate reviewOn) {
        List<String> problems = new ArrayList<>();
        if (project == null || project.isBlank() || project.strip().length() > 200) {
            problems.add("validation.project.invalid");
        }
        if (description == null || description.isBlank() || description.strip().length() > 2000) {
            problems.add("validation.contribution.invalid");
        }
        if (!isWebAddress(evidenceUrl)) {
            problems.add("validation.evidence-url.invalid");
        }
        if (startsOn == null) {
            problems.add("validation.starts-on.required");
        }
        if (reviewOn == null || (startsOn != null && !reviewOn.isAfter(startsOn))) {
            problems.add("validation.review-on.invalid");
        }
        InvalidInput.refuseUnlessEmpty(problems);
        return new Memberships.ProjectGrant(project.strip(), description.strip(), evidenceUrl.strip(), startsOn,
                reviewOn);
    }

    public static Payment payment(BigDecimal amount, String currency, LocalDate paidOn, Integer months,
            String reference, LocalDate today) {
        List<String> problems = new ArrayList<>();
        Optional<Currency> code = currency(currency);
        if (code.isEmpty()) {
            problems.add("validation.currency.invalid");
        }
        Money money = null;
        if (amount == null || amount.signum() <= 0 || amount.compareTo(AMOUNT_MAXIMUM) > 0) {
            problems.add("validation.amount.invalid");
        } else if (code.isPresent()) {
            try {
                money = Money.of(amount, code.get());
            } catch (ArithmeticException | IllegalArgumentException e) {
                problems.add("validation.amount.invalid");
            }
        }
        if (paidOn == null || paidOn.isAfter(today)) {
            problems.add("validation.paid-on.invalid");
        }
        int count = months == null ? 1 : months;
        if (count < 1 || count > MONTHS_MAXIMUM) {
            problems.add("validation.months.invalid");
        }
        String cleanReference = reference == null ? "" : reference.strip();
        if (cleanReference.length() > 200) {
            problems.add("validation.reference.too-long");
        }
        InvalidInput.refuseUnlessEmpty(problems);
        return new Payment(money, paidOn, count, cleanReference);
    }

    static Optional<Currency> currency(String code) {
        if (code == null || !code.strip().matches("[A-Za-z]{3}")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Currency.getInstance(code.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** An absolute http(s) address of reasonable length: never {@code javascript:} or {@code data:}. */
    static boolean isWebAddress(String text) {
        if (text == null || text.isBlank() || text.strip().length() > 500) {
            return false;
        }
        try {
            URI uri = new URI(text.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
