package org.herdbook.web.meetings.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
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
 * either by show of hands (the counts) or, for a motion of a general meeting put to an online
 * ballot ({@code decidedBy = ballot}, {@code ballotId}), from that ballot's signed count; a carried
 * motion gets a number in the resolutions register.
 */
@Entity
@Table(schema = "governance", name = "motion")
public class Motion {

    public static final String SHOW_OF_HANDS = "show-of-hands";
    public static final String BALLOT = "ballot";
    /** The ballot outcome that carries a motion; the others are {@code rejected} and {@code no-quorum}. */
    public static final String ADOPTED = "adopted";

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
    @Column(name = "ballot_closes_at")
    private OffsetDateTime ballotClosesAt;
    @Column(name = "ballot_outcome")
    private String ballotOutcome;
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
        if (ballotId != null) {
            throw new IllegalStateException("motion " + id + " is decided by its online ballot");
        }
        this.decidedBy = SHOW_OF_HANDS;
        this.votesFor = votesFor;
        this.votesAgainst = votesAgainst;
        this.abstentions = abstentions;
        this.carried = getThreshold().carries(votesFor, votesAgainst);
        this.decidedAt = OffsetDateTime.now(ZoneOffset.UTC);
        this.resolutionNumber = carried ? resolutionNumber : null;
    }

    /**
     * Puts the motion to an online ballot: from now on it is decided only from that ballot's
     * result, never by show of hands.
     */
    public void putToBallot(UUID ballotId, Instant closes) {
        if (isDecided() || this.ballotId != null) {
            throw new IllegalStateException("motion " + id + " is decided or on a ballot already");
        }
        this.decidedBy = BALLOT;
        this.ballotId = ballotId;
        this.ballotClosesAt = closes.atOffset(ZoneOffset.UTC);
    }

    /**
     * Decides the motion from its ballot's signed count: yes, no and abstain are the votes for,
     * against and the abstentions; carried only when the ballot's outcome is {@code adopted}
     * (a ballot without quorum is {@code no-quorum}, not carried whatever the counts).
     */
    public void decideByBallot(int yes, int no, int abstain, String outcome, String resolutionNumber) {
        if (isDecided() || ballotId == null) {
            throw new IllegalStateException("motion " + id + " is decided or not on a ballot");
        }
        this.votesFor = yes;
        this.votesAgainst = no;
        this.abstentions = abstain;
        this.ballotOutcome = outcome;
        this.carried = ADOPTED.equals(outcome);
        this.decidedAt = OffsetDateTime.now(ZoneOffset.UTC);
        this.resolutionNumber = carried ? resolutionNumber : null;
    }

    public boolean isOnBallot() {
        return ballotId != null;
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

    public Optional<OffsetDateTime> getBallotClosesAt() {
        return Optional.ofNullable(ballotClosesAt);
    }

    /** @return {@code adopted}, {@code rejected} or {@code no-quorum} once decided by ballot */
    public Optional<String> getBallotOutcome() {
        return Optional.ofNullable(ballotOutcome);
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
