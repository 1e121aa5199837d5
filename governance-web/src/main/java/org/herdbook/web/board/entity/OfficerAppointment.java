package org.herdbook.web.board.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.UUID;

/** An office (president, secretary, treasurer or another the bylaws name) held during a director's term. */
@Entity
@Table(schema = "governance", name = "officer_appointment")
public class OfficerAppointment {

    @Id
    private UUID id;
    @Column(name = "term_id", nullable = false, updatable = false)
    private UUID termId;
    @Column(nullable = false, updatable = false)
    private String office;
    @Column(name = "starts_on", nullable = false, updatable = false)
    private LocalDate startsOn;
    @Column(name = "ends_on", nullable = false, updatable = false)
    private LocalDate endsOn;
    @Column(name = "recorded_by", nullable = false, updatable = false)
    private UUID recordedBy;
    @Column(name = "recorded_at", nullable = false, updatable = false)
    private OffsetDateTime recordedAt;

    protected OfficerAppointment() {
    }

    public OfficerAppointment(UUID termId, String office, LocalDate startsOn, LocalDate endsOn, UUID recordedBy) {
        this.id = UUID.randomUUID();
        this.termId = Objects.requireNonNull(termId, "termId");
        this.office = Objects.requireNonNull(office, "office");
        this.startsOn = Objects.requireNonNull(startsOn, "startsOn");
        this.endsOn = Objects.requireNonNull(endsOn, "endsOn");
        this.recordedBy = Objects.requireNonNull(recordedBy, "recordedBy");
        this.recordedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    /** Held on {@code day}, if the term itself is still running that day (the caller checks the term). */
    public boolean heldOn(LocalDate day) {
        return !day.isBefore(startsOn) && !day.isAfter(endsOn);
    }

    public boolean overlaps(LocalDate from, LocalDate to) {
        return !from.isAfter(endsOn) && !to.isBefore(startsOn);
    }

    public UUID getId() {
        return id;
    }

    public UUID getTermId() {
        return termId;
    }

    public String getOffice() {
        return office;
    }

    public LocalDate getStartsOn() {
        return startsOn;
    }

    public LocalDate getEndsOn() {
        return endsOn;
    }
}
