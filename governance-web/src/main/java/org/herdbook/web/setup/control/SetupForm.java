package org.herdbook.web.setup.control;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.herdbook.web.account.control.Accounts;
import org.herdbook.web.account.control.PasswordHashing;

/** What first-run setup asks for. {@link #problems()} lists message keys of what is wrong with it. */
public record SetupForm(String adminEmail, String adminName, String password, String passwordAgain,
        String foundationName, String currency, String timeZone) {

    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (!Accounts.isPlausibleEmail(adminEmail)) {
            problems.add("validation.email.invalid");
        }
        if (isBlankOrLonger(adminName, 200)) {
            problems.add("setup.admin-name.invalid");
        }
        String weakness = PasswordHashing.weaknessOf(password);
        if (weakness != null) {
            problems.add("validation." + weakness);
        } else if (!password.equals(passwordAgain)) {
            problems.add("setup.password.mismatch");
        }
        if (isBlankOrLonger(foundationName, 200)) {
            problems.add("setup.foundation-name.invalid");
        }
        if (!isCurrency(currency)) {
            problems.add("setup.currency.invalid");
        }
        if (!isTimeZone(timeZone)) {
            problems.add("setup.time-zone.invalid");
        }
        return problems;
    }

    private static boolean isBlankOrLonger(String value, int maximum) {
        return value == null || value.isBlank() || value.strip().length() > maximum;
    }

    static boolean isCurrency(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            return false;
        }
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static boolean isTimeZone(String zone) {
        if (zone == null || zone.isBlank() || zone.length() > 64) {
            return false;
        }
        try {
            ZoneId.of(zone);
            return ZoneId.getAvailableZoneIds().contains(zone) || "UTC".equals(zone);
        } catch (DateTimeException e) {
            return false;
        }
    }
}
