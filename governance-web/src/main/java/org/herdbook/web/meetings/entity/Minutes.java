package org.herdbook.web.meetings.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.herdbook.web.persistence.NullableUuid;

/**
 * The minutes of a meeting in English and French: drafted from the meeting's record, edited by
 * the secretary, approved by the board at a later meeting and then locked (the database refuses
 * any change to approved minutes; a correction is a carried motion).
 */
@Entity
@Table(schema = "governance", name = "minutes")
public class Minutes {

    @Id
    @Column(name = "meeting_id")
    private UUID meetingId;
    @Column(name = "body_en", nullable = false)
    private String bodyEn;
    @Column(name = "body_fr", nullable = false)
    private String bodyFr;
    @Column(name = "drafted_at", nullable = false)
    private OffsetDateTime draftedAt;
    @Column(name = "edited_by", nullable = false)
    private UUID editedBy;
    @Column(name = "edited_at", nullable = false)
    private OffsetDateTime editedAt;
    @Convert(converter = NullableUuid.class)
    @Column(name = "approved_at_meeting")
    private UUID approvedAtMeeting;
    @Convert(converter = NullableUuid.class)
    @Column(name = "approved_by")
    private UUID approvedBy;
    @Column(name = "approved_at")
    private OffsetDateTime approvedAt;

    protected Minutes() {
    }

    public Minutes(UUID meetingId, String bodyEn, String bodyFr, UUID editedBy) {
        this.meetingId = meetingId;
        this.bodyEn = bodyEn;
        this.bodyFr = bodyFr;
        this.editedBy = editedBy;
        this.draftedAt = OffsetDateTime.now(ZoneOffset.UTC);
        this.editedAt = draftedAt;
    }

    public void redraft(String bodyEn, String bodyFr, UUID editedBy) {
        edit(bodyEn, bodyFr, editedBy);
        this.draftedAt = editedAt;
    }

    public void edit(String bodyEn, String bodyFr, UUID editedBy) {
        this.bodyEn = bodyEn;
        this.bodyFr = bodyFr;
        this.editedBy = editedBy;
        this.editedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    public void approve(UUID atMeeting, UUID by) {
        this.approvedAtMeeting = atMeeting;
        this.approvedBy = by;
        this.approvedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    public boolean isApproved() {
        return approvedAt != null;
    }

    public UUID getMeetingId() {
        return meetingId;
    }

    public String getBodyEn() {
        return bodyEn;
    }

    public String getBodyFr() {
        return bodyFr;
    }

    public OffsetDateTime getEditedAt() {
        return editedAt;
    }

    public Optional<UUID> getApprovedAtMeeting() {
        return Optional.ofNullable(approvedAtMeeting);
    }

    public Optional<OffsetDateTime> getApprovedAt() {
        return Optional.ofNullable(approvedAt);
    }
}
