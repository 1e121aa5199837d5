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
import org.herdbook.web.i18n.Language;
import org.herdbook.web.meetings.control.Threshold;

/**
 * A motion put to a meeting: text in both languages, mover, seconder (never the mover), its
 * threshold (ordinary or special resolution), the motion it amends if any. It is decided once,
 * either by show of hands (the counts) or, when the ballots module opens ballots from motions,
 * from a ballot's result ({@code decidedBy = ballot}, {@code ballotId}); a carried motion gets a
 * number in the resolutions register.
 */
@Entity
@Table(schema = "governance", name = "motion")
public class Motion {

    public static final String SHOW_OF_HANDS = "show-of-hands";
    public static final String BALLOT = "ballot";

    @Id
    private UUID id;
    @Column(name = "meeting_id", nullable = false, updatable = false)
    private UUID meetingId;
    @Column(nullable = false, updatable = false)
    private int position;
    @Column(nullable = false, updatable = false)
    private String kind;
    @Column(name = "text_en", nullable = false, updatable = false)
    private String textEn;
    @Column(name = "text_fr", nullable = false, updatable = false)
    private String textFr;
    @Column(name = "mover_id", nullable = false, updatable = false)
    private UUID moverId;
    @Convert(converter = NullableUuid.class)
    @Column(name = "seconder_id", updatable = false)
    private UUID seconderId;
    @Convert(converter = NullableUuid.class)
    @Column(name = "amends_id", updatable = false)
    private UUID amendsId;
    @Convert(converter = NullableUuid.class)
    @Column(name = "corrects_minutes_of", updatable = false)
    private UUID correctsMinutesOf;
    @Column(name = "decided_by")
    private String decidedBy;
    @Convert(converter = NullableUuid.class)
    @Column(name = "ballot_id")
    private UUID ballotId;
    @Column(name = "votes_for")
    private Integer votesFor;
    @Column(name = "votes_against")
    private Integer votesAgainst;
    @Column
    private Integer abstentions;
    @Column
    private Boolean carried;
    @Column(name = "decided_at")
    private OffsetDateTime decidedAt;
    @Column(name = "resolution_number")
    private String resolutionNumber;
    @Column(name = "proposed_by", nullable = false, updatable = false)
    private UUID proposedBy;
    @Column(name = "proposed_at", nullable = false, updatable = false)
    private OffsetDateTime proposedAt;

    protected Motion() {
    }

    public Motion(UUID meetingId, int position, Threshold kind, String textEn, String textFr, UUID moverId,
            UUID seconderId, UUID amendsId, UUID correctsMinutesOf, UUID proposedBy) {
        this.id = UUID.randomUUID();
        this.meetingId = meetingId;
        this.position = position;
        this.kind = kind.code();
        this.textEn = textEn;
        this.textFr = textFr;
        this.moverId = moverId;
        this.seconderId = seconderId;
        this.amendsId = amendsId;
        this.correctsMinutesOf = correctsMinutesOf;
        this.proposedBy = proposedBy;
        this.proposedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    /** Decides the motion by show of hands. */
    public void decideByShowOfHands(int votesFor, int votesAgainst, int abstentions, String resolutionNumber) {
        this.decidedBy = SHOW_OF_HANDS;
        this.votesFor = votesFor;
        this.votesAgainst = votesAgainst;
        this.abstentions = abstentions;
        this.carried = getThreshold().carries(votesFor, votesAgainst);
        this.decidedAt = OffsetDateTime.now(ZoneOffset.UTC);
        this.resolutionNumber = carried ? resolutionNumber : null;
    }

    public boolean isDecided() {
        return decidedAt != null;
    }

    public UUID getId() {
        return id;
    }

    public UUID getMeetingId() {
        return meetingId;
    }

    public int getPosition() {
        return position;
    }

    public Threshold getThreshold() {
        return Threshold.of(kind);
    }

    public String getTextEn() {
        return textEn;
    }

    public String getTextFr() {
        return textFr;
    }

    public String text(Language language) {
        return language == Language.FRENCH ? textFr : textEn;
    }

    public UUID getMoverId() {
        return moverId;
    }

    public Optional<UUID> getSeconderId() {
        return Optional.ofNullable(seconderId);
    }

    public Optional<UUID> getAmendsId() {
        return Optional.ofNullable(amendsId);
    }

    public Optional<UUID> getCorrectsMinutesOf() {
        return Optional.ofNullable(correctsMinutesOf);
    }

    public Optional<String> getDecidedBy() {
        return Optional.ofNullable(decidedBy);
    }

    public Optional<UUID> getBallotId() {
        return Optional.ofNullable(ballotId);
    }

    public Optional<Integer> getVotesFor() {
        return Optional.ofNullable(votesFor);
    }

    public Optional<Integer> getVotesAgainst() {
        return Optional.ofNullable(votesAgainst);
    }

    public Optional<Integer> getAbstentions() {
        return Optional.ofNullable(abstentions);
    }

    public Optional<Boolean> getCarried() {
        return Optional.ofNullable(carried);
    }

    public Optional<OffsetDateTime> getDecidedAt() {
        return Optional.ofNullable(decidedAt);
    }

    public Optional<String> getResolutionNumber() {
        return Optional.ofNullable(resolutionNumber);
    }
}
