package org.herdbook.web.finance.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import org.herdbook.finance.Refusal;
import org.herdbook.finance.dues.control.DuesSubscriptions;
import org.herdbook.finance.dues.entity.DuesPlan;
import org.herdbook.finance.dues.entity.DuesSubscription;
import org.herdbook.web.finance.control.MemberDuesSubscription;

/**
 * The member's dues page: pick a tier and go to PayPal to approve; back here, the subscription's
 * status as PayPal reports it; cancel.
 */
@Named
@RequestScoped
public class MemberDuesPage {

    @Inject
    MemberDuesSubscription mine;
    @Inject
    DuesSubscriptions dues;
    @Inject
    FinancePages pages;

    private String planId;
    private Optional<DuesSubscription> current;

    public void subscribe() {
        DuesSubscription started = pages.attempt(() -> mine.start(planId));
        if (started != null && started.approvalUrl() != null) {
            try {
                FacesContext.getCurrentInstance().getExternalContext().redirect(started.approvalUrl().toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public void cancel() {
        DuesSubscription cancelled = pages.attempt(mine::cancel);
        if (cancelled != null) {
            current = Optional.of(cancelled);
            pages.info("finance.dues.cancelled");
        }
    }

    public List<DuesPlan> getPlans() {
        return dues.plans();
    }

    /** The latest subscription, read from PayPal once per request; empty when none or PayPal cannot say. */
    public DuesSubscription getSubscription() {
        if (current == null) {
            try {
                current = mine.current();
            } catch (Refusal refusal) {
                pages.refused(refusal);
                current = Optional.empty();
            }
        }
        return current.orElse(null);
    }

    public boolean isActive() {
        DuesSubscription subscription = getSubscription();
        return subscription != null && ("ACTIVE".equals(subscription.status())
                || "APPROVAL_PENDING".equals(subscription.status()) || "SUSPENDED".equals(subscription.status()));
    }

    public String getPlanId() {
        return planId;
    }

    public void setPlanId(String planId) {
        this.planId = planId;
    }
}
