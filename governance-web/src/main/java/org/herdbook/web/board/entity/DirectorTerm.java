package org.herdbook.web.board.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.herdbook.web.persistence.NullableUuid;

/**
 * A director's term: elected (at a meeting, when recorded), serving from its first day to its last
 * day inclusive, or until the day before a resignation takes effect. A resignation is the only
 * change a term receives.
 */
@Entity
@Table(schema = "governance", name = "director_term")
public class DirectorTerm {

    @Id
    private UUID id;
    @Column(name = "account_id", nullable = false, updatable = false)
    private UUID accountId;
    @Convert(converter = NullableUuid.class)
    @Column(name = "elected_at_meeting", updatable = false)
    private UUID electedAtMeeting;
    @Column(name = "starts_on", nullable = false, updatable = false)
    private LocalDate startsOn;
    @Column(name = "ends_on", nullable = false, updatable = false)
    private LocalDate endsOn;
    @Column(name = "resigned_on")
    private LocalDate resignedOn;
    @Column(name = "recorded_by", nullable = false, updatable = false)
    private UUID recordedBy;
    @Column(name = "recorded_at", nullable = false, updatable = false)
    private OffsetDateTime recordedAt;

    protected DirectorTerm() {
    }

    public DirectorTerm(UUID accountId, UUID electedAtMeeting, LocalDate startsOn, LocalDate endsOn, UUID recordedBy) {
        this.id = UUID.randomUUID();
        this.accountId = Objects.requireNonNull(accountId, "accountId");
        this.electedAtMeeting = electedAtMeeting;
        this.startsOn = Objects.requireNonNull(startsOn, "startsOn");
        this.endsOn = Objects.requireNonNull(endsOn, "endsOn");
        this.recordedBy = Objects.requireNonNull(recordedBy, "recordedBy");
        this.recordedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    /** Whether the director is in office on {@code day}. */
    public boolean servesOn(LocalDate day) {
        return !day.isBefore(startsOn) && !day.isAfter(lastDay());
    }

    /** The last day in office: the term's end, or the day before the resignation took effect. */
    public LocalDate lastDay() {
        return resignedOn != null && resignedOn.minusDays(1).isBefore(endsOn) ? resignedOn.minusDays(1) : endsOn;
    }

    /** Whether this term and [from, to] share at least one day. */
    public boolean overlaps(LocalDate from, LocalDate to) {
        return !from.isAfter(lastDay()) && !to.isBefore(startsOn);
    }

    public void resign(LocalDate effectiveOn) {
        this.resignedOn = Objects.requireNonNull(effectiveOn, "effectiveOn");
    }

    public UUID getId() {
        return id;
    }

    public UUID getAccountId() {
        return accountId;
    }

    public Optional<UUID> getElectedAtMeeting() {
        return Optional.ofNullable(electedAtMeeting);
    }

    public LocalDate getStartsOn() {
        return startsOn;
    }

    public LocalDate getEndsOn() {
        return endsOn;
    }

    public Optional<LocalDate> getResignedOn() {
        return Optional.ofNullable(resignedOn);
    }
}
