package org.herdbook.finance.sponsorship.entity;

import java.time.LocalDate;
import java.util.UUID;
import org.herdbook.finance.money.Money;

/**
 * A sponsor's commitment for a period. The amount is confidential: only the treasurer and the
 * board see it; the public sees the public name (or "anonymous") and aggregated figures.
 *
 * @param id its identifier
 * @param sponsor the sponsor's real name (confidential when anonymous)
 * @param publicName the name to show the public, or null to show the sponsor's name
 * @param anonymous whether the public sees no name at all
 * @param amount the amount for the period
 * @param startsOn first day of the period
 * @param endsOn last day of the period
 */
public record Sponsorship(UUID id, String sponsor, String publicName, boolean anonymous, Money amount,
        LocalDate startsOn, LocalDate endsOn) {

    /** The name the public may see, or null when anonymous. */
    public String shownName() {
        return anonymous ? null : (publicName == null || publicName.isBlank() ? sponsor : publicName);
    }
}
