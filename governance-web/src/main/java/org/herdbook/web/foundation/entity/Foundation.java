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

    @Column(name = "notice_min_days", nullable = false)
    private int noticeMinDays = 21;
    @Column(name = "notice_max_days", nullable = false)
    private int noticeMaxDays = 60;
    @Column(name = "member_quorum_kind", nullable = false)
    private String memberQuorumKind = "percent";
    @Column(name = "member_quorum_value", nullable = false)
    private int memberQuorumValue = 10;
    @Column(name = "board_quorum_kind", nullable = false)
    private String boardQuorumKind = "percent";
    @Column(name = "board_quorum_value", nullable = false)
    private int boardQuorumValue = 50;
    @Column(name = "proxies_allowed", nullable = false)
    private boolean proxiesAllowed = true;
    @Column(name = "officer_roles", nullable = false)
    private String officerRoles = "president,secretary,treasurer";
    @Column(name = "max_director_terms", nullable = false)
    private int maxDirectorTerms;

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

    /** Fewest days between a general meeting's notice and the meeting (bylaws setting). */
    public int getNoticeMinDays() {
        return noticeMinDays;
    }

    /** Most days between a general meeting's notice and the meeting (bylaws setting). */
    public int getNoticeMaxDays() {
        return noticeMaxDays;
    }

    /** "number" or "percent" of the members eligible on the record date (bylaws setting). */
    public String getMemberQuorumKind() {
        return memberQuorumKind;
    }

    public int getMemberQuorumValue() {
        return memberQuorumValue;
    }

    /** "number" or "percent" of the directors in office on the meeting day (bylaws setting). */
    public String getBoardQuorumKind() {
        return boardQuorumKind;
    }

    public int getBoardQuorumValue() {
        return boardQuorumValue;
    }

    /** Whether members may be represented by a proxy at general meetings (bylaws setting). */
    public boolean isProxiesAllowed() {
        return proxiesAllowed;
    }

    /** The offices a director may hold, comma-separated codes (bylaws setting). */
    public String getOfficerRoles() {
        return officerRoles;
    }

    /** Most terms one person may serve on the board; 0 means no limit (bylaws setting). */
    public int getMaxDirectorTerms() {
        return maxDirectorTerms;
    }

    public void changeMeetingRules(int noticeMinDays, int noticeMaxDays, String memberQuorumKind,
            int memberQuorumValue, String boardQuorumKind, int boardQuorumValue, boolean proxiesAllowed,
            String officerRoles, int maxDirectorTerms) {
        this.noticeMinDays = noticeMinDays;
        this.noticeMaxDays = noticeMaxDays;
        this.memberQuorumKind = memberQuorumKind;
        this.memberQuorumValue = memberQuorumValue;
        this.boardQuorumKind = boardQuorumKind;
        this.boardQuorumValue = boardQuorumValue;
        this.proxiesAllowed = proxiesAllowed;
        this.officerRoles = officerRoles;
        this.maxDirectorTerms = maxDirectorTerms;
    }

    /** Today in the foundation's time zone: the day standings and record dates are counted in. */
    public java.time.LocalDate today() {
        return java.time.LocalDate.now(getTimeZone());
    }
}
