package org.herdbook.web.membership.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Arrays;
import java.util.List;
import org.herdbook.web.membership.control.BylawsSettings;
import org.herdbook.web.page.PageFeedback;
import org.herdbook.web.security.boundary.CurrentAccount;

/** The administrator's bylaws settings page: membership rules, meeting rules and the board's offices. */
@Named
@RequestScoped
public class BylawsForm {

    @Inject
    BylawsSettings settings;
    @Inject
    PageFeedback feedback;
    @Inject
    CurrentAccount me;

    private Integer duesGraceDays;
    private boolean graceKeepsVote;
    private Integer minMembershipDays;
    private Integer noticeMinDays;
    private Integer noticeMaxDays;
    private String memberQuorumKind;
    private Integer memberQuorumValue;
    private String boardQuorumKind;
    private Integer boardQuorumValue;
    private boolean proxiesAllowed;
    private String officerRoles;
    private Integer maxDirectorTerms;

    @PostConstruct
    void load() {
        BylawsSettings.Bylaws current = settings.current();
        duesGraceDays = current.duesGraceDays();
        graceKeepsVote = current.graceKeepsVote();
        minMembershipDays = current.minMembershipDays();
        noticeMinDays = current.noticeMinDays();
        noticeMaxDays = current.noticeMaxDays();
        memberQuorumKind = current.memberQuorumKind();
        memberQuorumValue = current.memberQuorumValue();
        boardQuorumKind = current.boardQuorumKind();
        boardQuorumValue = current.boardQuorumValue();
        proxiesAllowed = current.proxiesAllowed();
        officerRoles = String.join(", ", current.officerRoles());
        maxDirectorTerms = current.maxDirectorTerms();
    }

    public void save() {
        List<String> offices = officerRoles == null ? List.of()
                : Arrays.stream(officerRoles.split(",")).map(String::strip).filter(office -> !office.isEmpty())
                        .toList();
        if (noticeMinDays == null || noticeMaxDays == null || memberQuorumValue == null || boardQuorumValue == null
                || maxDirectorTerms == null) {
            feedback.status(400);
            feedback.error("validation.meeting-rules.required");
            return;
        }
        if (feedback.attempt(() -> settings.change(new BylawsSettings.Bylaws(duesGraceDays, graceKeepsVote,
                minMembershipDays, noticeMinDays, noticeMaxDays, memberQuorumKind, memberQuorumValue, boardQuorumKind,
                boardQuorumValue, proxiesAllowed, offices, maxDirectorTerms), me.account().getId())) != null) {
            feedback.info("admin.bylaws.saved");
        }
    }

    public List<String> getQuorumKinds() {
        return List.of("number", "percent");
    }

    public Integer getDuesGraceDays() {
        return duesGraceDays;
    }

    public void setDuesGraceDays(Integer duesGraceDays) {
        this.duesGraceDays = duesGraceDays;
    }

    public boolean isGraceKeepsVote() {
        return graceKeepsVote;
    }

    public void setGraceKeepsVote(boolean graceKeepsVote) {
        this.graceKeepsVote = graceKeepsVote;
    }

    public Integer getMinMembershipDays() {
        return minMembershipDays;
    }

    public void setMinMembershipDays(Integer minMembershipDays) {
        this.minMembershipDays = minMembershipDays;
    }

    public Integer getNoticeMinDays() {
        return noticeMinDays;
    }

    public void setNoticeMinDays(Integer noticeMinDays) {
        this.noticeMinDays = noticeMinDays;
    }

    public Integer getNoticeMaxDays() {
        return noticeMaxDays;
    }

    public void setNoticeMaxDays(Integer noticeMaxDays) {
        this.noticeMaxDays = noticeMaxDays;
    }

    public String getMemberQuorumKind() {
        return memberQuorumKind;
    }

    public void setMemberQuorumKind(String memberQuorumKind) {
        this.memberQuorumKind = memberQuorumKind;
    }

    public Integer getMemberQuorumValue() {
        return memberQuorumValue;
    }

    public void setMemberQuorumValue(Integer memberQuorumValue) {
        this.memberQuorumValue = memberQuorumValue;
    }

    public String getBoardQuorumKind() {
        return boardQuorumKind;
    }

    public void setBoardQuorumKind(String boardQuorumKind) {
        this.boardQuorumKind = boardQuorumKind;
    }

    public Integer getBoardQuorumValue() {
        return boardQuorumValue;
    }

    public void setBoardQuorumValue(Integer boardQuorumValue) {
        this.boardQuorumValue = boardQuorumValue;
    }

    public boolean isProxiesAllowed() {
        return proxiesAllowed;
    }

    public void setProxiesAllowed(boolean proxiesAllowed) {
        this.proxiesAllowed = proxiesAllowed;
    }

    public String getOfficerRoles() {
        return officerRoles;
    }

    public void setOfficerRoles(String officerRoles) {
        this.officerRoles = officerRoles;
    }

    public Integer getMaxDirectorTerms() {
        return maxDirectorTerms;
    }

    public void setMaxDirectorTerms(Integer maxDirectorTerms) {
        this.maxDirectorTerms = maxDirectorTerms;
    }
}
