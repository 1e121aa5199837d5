package org.herdbook.web.foundation.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.Objects;

@Entity
@Table(schema = "governance", name = "foundation")
public class Foundation {

    /** The only row's key: one Herdbook serves one foundation. */
    public static final short THE_FOUNDATION = 1;

    @Id
    private short id;
    @Column(nullable = false)
    private String name;
    @Column(name = "default_currency", nullable = false, length = 3)
    private String defaultCurrency;
    @Column(name = "time_zone", nullable = false)
    private String timeZone;
    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;
    @Column(name = "dues_grace_days", nullable = false)
    private int duesGraceDays = 30;
    @Column(name = "grace_keeps_vote", nullable = false)
    private boolean graceKeepsVote = true;
    @Column(name = "min_membership_days", nullable = false)
    private int minMembershipDays;

    protected Foundation() {
    }

    public Foundation(String name, Currency defaultCurrency, ZoneId timeZone) {
        this.id = THE_FOUNDATION;
        this.name = Objects.requireNonNull(name, "name").strip();
        this.defaultCurrency = Objects.requireNonNull(defaultCurrency, "defaultCurrency").getCurrencyCode();
        this.timeZone = Objects.requireNonNull(timeZone, "timeZone").getId();
        this.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    public String getName() {
        return name;
    }

    public Currency getDefaultCurrency() {
        return Currency.getInstance(defaultCurrency);
    }

    public ZoneId getTimeZone() {
        return ZoneId.of(timeZone);
    }

    /** Days a member whose dues are late stays "in grace" before lapsing (bylaws setting). */
    public int getDuesGraceDays() {
        return duesGraceDays;
    }

    /** Whether members in grace may still vote (bylaws setting). */
    public boolean isGraceKeepsVote() {
        return graceKeepsVote;
    }

    /** Days of unbroken membership needed on a record date to vote (bylaws setting). */
    public int getMinMembershipDays() {
        return minMembershipDays;
    }

    public void changeBylaws(int duesGraceDays, boolean graceKeepsVote, int minMembershipDays) {
        this.duesGraceDays = duesGraceDays;
        this.graceKeepsVote = graceKeepsVote;
        this.minMembershipDays = minMembershipDays;
    }

    /** Today in the foundation's time zone: the day standings and record dates are counted in. */
    public java.time.LocalDate today() {
        return java.time.LocalDate.now(getTimeZone());
    }
}
