package org.herdbook.web.membership.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import org.herdbook.finance.money.Money;
import org.herdbook.finance.paypal.webhook.control.DuesMembers;
import org.herdbook.web.foundation.entity.Foundation;
import org.herdbook.web.membership.entity.DuesPayment;
import org.herdbook.web.membership.entity.Standing;
import org.herdbook.web.membership.entity.StandingCause;

/**
 * PayPal's subscription events applied to members, through the same rules as a payment the
 * treasurer records by hand: a monthly payment covers one month and makes the member active; a
 * failed payment (or a suspended subscription) puts an active member in grace, and the dues
 * calendar then lapses them when the grace days run out unless a payment comes. A cancelled or
 * expired subscription changes nothing at once: the months paid stay paid, and the calendar
 * takes over when they end. The subscription's {@code custom_id} is the member's account id;
 * an event for anyone else is logged and left alone (the books still record the money).
 */
@ApplicationScoped
public class PaypalDuesMembers implements DuesMembers {

    private static final Logger LOG = Logger.getLogger(PaypalDuesMembers.class.getName());

    @Inject
    Memberships memberships;
    @PersistenceContext(unitName = "governance")
    EntityManager entityManager;

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void paid(String member, Money amount, Instant paidAt, String saleId) {
        Optional<UUID> account = member(member, saleId);
        if (account.isEmpty()) {
            return;
        }
        boolean recorded = entityManager.createQuery("SELECT count(p) FROM DuesPayment p WHERE p.accountId = :account"
                + " AND p.source = :source AND p.reference = :reference", Long.class).setParameter("account", account.get())
                .setParameter("source", DuesPayment.Source.PAYPAL.code()).setParameter("reference", saleId)
                .getSingleResult() > 0;
        if (recorded) {
            return;
        }
        Foundation foundation = memberships.foundation();
        // Checked here rather than caught: a refusal crossing a transactional method dooms the transaction.
        if (!amount.getCurrency().equals(foundation.getDefaultCurrency())) {
            LOG.warning(() -> "PayPal sale " + saleId + " of " + account.get() + " is in " + amount.getCurrency()
                    + ", not the foundation's currency: booked, not recorded as dues");
            return;
        }
        LocalDate paidOn = paidAt.atZone(foundation.getTimeZone()).toLocalDate();
        memberships.recordDuesPayment(account.get(), amount, paidOn, 1, DuesPayment.Source.PAYPAL, saleId, null);
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void paymentFailed(String member, Instant at, String subscriptionId) {
        Optional<UUID> account = member(member, subscriptionId);
        if (account.isEmpty()) {
            return;
        }
        StandingHistory history = memberships.history(account.get());
        LocalDate today = memberships.foundation().today();
        if (history.latest().orElse(Standing.APPLICANT) != Standing.ACTIVE
                || history.lastChangeDay().filter(day -> day.isAfter(today)).isPresent()) {
            return;
        }
        memberships.changeStanding(account.get(), Standing.IN_GRACE, today, StandingCause.DUES_OVERDUE,
                "PayPal payment failed (subscription " + subscriptionId + ")", null);
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void subscriptionChanged(String member, String subscriptionId, String status, Instant at) {
        LOG.info(() -> "PayPal subscription " + subscriptionId + " of " + member + " is now " + status);
    }

    private Optional<UUID> member(String member, String reference) {
        try {
            UUID account = UUID.fromString(member.strip());
            if (memberships.of(account).isPresent()) {
                return Optional.of(account);
            }
        } catch (IllegalArgumentException e) {
            // not one of Herdbook's identifiers: logged below
        }
        LOG.warning(() -> "PayPal event " + reference + " names no member (custom id '" + member + "'): books only");
        return Optional.empty();
    }
}
