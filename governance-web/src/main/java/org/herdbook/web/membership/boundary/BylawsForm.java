package org.herdbook.web.membership.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.herdbook.web.membership.control.BylawsSettings;
import org.herdbook.web.page.PageFeedback;
import org.herdbook.web.security.boundary.CurrentAccount;

/** The administrator's bylaws settings page. */
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

    @PostConstruct
    void load() {
        BylawsSettings.Bylaws current = settings.current();
        duesGraceDays = current.duesGraceDays();
        graceKeepsVote = current.graceKeepsVote();
        minMembershipDays = current.minMembershipDays();
    }

    public void save() {
        if (feedback.attempt(() -> settings.change(new BylawsSettings.Bylaws(duesGraceDays, graceKeepsVote,
                minMembershipDays), me.account().getId())) != null) {
            feedback.info("admin.bylaws.saved");
        }
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
}
