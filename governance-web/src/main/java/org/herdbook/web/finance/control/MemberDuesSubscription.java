package org.herdbook.web.finance.control;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.herdbook.finance.Refusal;
import org.herdbook.finance.dues.control.DuesSubscriptions;
import org.herdbook.finance.dues.entity.DuesSubscription;
import org.herdbook.web.membership.control.Memberships;
import org.herdbook.web.security.boundary.CurrentAccount;

/**
 * The signed-in member's own PayPal subscription, as the page and the API share it. PayPal's
 * {@code custom_id} is the member's account id; PayPal returns the member to the dues page,
 * which shows the status PayPal reports, whatever the return address says.
 */
@RequestScoped
public class MemberDuesSubscription {

    public static final String PAGE = "/member/dues.xhtml";

    @Inject
    DuesSubscriptions dues;
    @Inject
    Memberships memberships;
    @Inject
    CurrentAccount me;
    @Inject
    @ConfigProperty(name = "herdbook.base-url", defaultValue = "http://localhost:9080")
    String baseUrl;

    /** @throws Refusal {@code finance.dues.notAMember} (409) for an account without a membership */
    @Transactional(Transactional.TxType.MANDATORY)
    public DuesSubscription start(String planId) {
        String member = me.account().getId().toString();
        if (memberships.of(me.account().getId()).isEmpty()) {
            throw Refusal.conflict("finance.dues.notAMember");
        }
        URI page = URI.create(baseUrl + PAGE);
        return dues.start(member, planId == null ? "" : planId, page, page);
    }

    public Optional<DuesSubscription> current() {
        return dues.current(me.account().getId().toString());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public DuesSubscription cancel() {
        return dues.cancel(me.account().getId().toString(), "Cancelled by the member in Herdbook");
    }
}
