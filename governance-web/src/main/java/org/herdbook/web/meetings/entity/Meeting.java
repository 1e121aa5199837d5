package org.herdbook.web.meetings.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.herdbook.web.i18n.Language;
import org.herdbook.web.meetings.control.QuorumRule;

/**
 * A meeting, with the quorum and proxy rules of the bylaws as they stood when it was scheduled,
 * and how many people count towards its quorum (members eligible on the record date, or directors
 * in office on the day): later changes do not rewrite a meeting already called.
 */
@Entity
@Table(schema = "governance", name = "meeting")
public class Meeting {

    @Id
    private UUID id;
    @Column(nullable = false, updatable = false)
    private String kind;
    @Column(name = "title_en", nullable = false)
    private String titleEn;
    @Column(name = "title_fr", nullable = false)
    private String titleFr;
    @Column(name = "held_on", nullable = false, updatable = false)
    private LocalDate heldOn;
    @Column(name = "starts_at", nullable = false, updatable = false)
    private LocalTime startsAt;
    @Column(nullable = false)
    private String location;
    @Column(name = "record_date", nullable = false, updatable = false)
    private LocalDate recordDate;
    @Column(name = "quorum_kind", nullable = false, updatable = false)
    private String quorumKind;
    @Column(name = "quorum_value", nullable = false, updatable = false)
    private int quorumValue;
    @Column(name = "proxies_allowed", nullable = false, updatable = false)
    private boolean proxiesAllowed;
    @Column(name = "entitled_count", nullable = false)
    private int entitledCount;
    @Column(name = "notice_sent_at")
    private OffsetDateTime noticeSentAt;
    @Column(name = "called_to_order_at")
    private OffsetDateTime calledToOrderAt;
    @Column(name = "adjourned_at")
    private OffsetDateTime adjournedAt;
    @Column(name = "scheduled_by", nullable = false, updatable = false)
    private UUID scheduledBy;
    @Column(name = "scheduled_at", nullable = false, updatable = false)
    private OffsetDateTime scheduledAt;

    protected Meeting() {
    }

    public Meeting(MeetingKind kind, String titleEn, String titleFr, LocalDate heldOn, LocalTime startsAt,
            String location, LocalDate recordDate, QuorumRule quorum, boolean proxiesAllowed, int entitledCount,
            UUID scheduledBy) {
        this.id = UUID.randomUUID();
        this.kind = kind.code();
        this.titleEn = titleEn;
        this.titleFr = titleFr;
        this.heldOn = heldOn;
        this.startsAt = startsAt;
        this.location = location;
        this.recordDate = recordDate;
        this.quorumKind = quorum.kind().code();
        this.quorumValue = quorum.value();
        this.proxiesAllowed = proxiesAllowed;
        this.entitledCount = entitledCount;
        this.scheduledBy = scheduledBy;
        this.scheduledAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    public UUID getId() {
        return id;
    }

    public MeetingKind getKind() {
        return MeetingKind.of(kind).orElseThrow();
    }

    public String getTitleEn() {
        return titleEn;
    }

    public String getTitleFr() {
        return titleFr;
    }

    public String title(Language language) {
        return language == Language.FRENCH ? titleFr : titleEn;
    }

    public LocalDate getHeldOn() {
        return heldOn;
    }

    public LocalTime getStartsAt() {
        return startsAt;
    }

    public String getLocation() {
        return location;
    }

    public LocalDate getRecordDate() {
        return recordDate;
    }

    public QuorumRule getQuorum() {
        return new QuorumRule(QuorumRule.Kind.of(quorumKind), quorumValue);
    }

    public boolean isProxiesAllowed() {
        return proxiesAllowed;
    }

    public int getEntitledCount() {
        return entitledCount;
    }

    public Optional<OffsetDateTime> getNoticeSentAt() {
        return Optional.ofNullable(noticeSentAt);
    }

    public Optional<OffsetDateTime> getCalledToOrderAt() {
        return Optional.ofNullable(calledToOrderAt);
    }

    public Optional<OffsetDateTime> getAdjournedAt() {
        return Optional.ofNullable(adjournedAt);
    }

    public boolean isInSession() {
        return calledToOrderAt != null && adjournedAt == null;
    }

    public void noticeSent(int entitled) {
        this.noticeSentAt = OffsetDateTime.now(ZoneOffset.UTC);
        this.entitledCount = entitled;
    }

    public void callToOrder() {
        this.calledToOrderAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    public void adjourn() {
        this.adjournedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }
}
