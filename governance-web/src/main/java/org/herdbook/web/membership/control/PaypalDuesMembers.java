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
import org.herdbook.web.membership.entity.DuesSubscriptionChange;
import org.herdbook.web.membership.entity.DuesWithdrawal;
import org.herdbook.web.membership.entity.Standing;
import org.herdbook.web.membership.entity.StandingCause;

/**
 * PayPal's subscription events applied to members, through the same rules as a payment the
 * treasurer records by hand, each event once (the finance module's event store sees to that):
 * <ul>
 * <li>a monthly payment covers one month and makes the member active;</li>
 * <li>a failed payment puts an active member in grace; so does a suspended subscription, unless a
 * later event (by PayPal's event time) says the subscription is active again;</li>
 * <li>a re-activated subscription makes a member in grace active again when what they paid still
 * covers today;</li>
 * <li>a cancelled or expired subscription is recorded (the member and the board see it) and
 * changes nothing at once: the months paid stay paid, and the calendar takes over when they end;</li>
 * <li>a refunded or reversed payment is withdrawn (a new dated record) and covers nothing any more,
 * so a member it no longer covers goes into grace and lapses unless a payment comes; a refund that
 * arrives before its sale withdraws the sale when it comes (it is then not recorded).</li>
 * </ul>
 * The subscription's {@code custom_id} is the member's account id; an event for anyone else is
 * logged and left alone (the books still record the money).
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
        if (memberships.isWithdrawn(DuesPayment.Source.PAYPAL, saleId)) {
            LOG.info(() -> "PayPal sale " + saleId + " of " + account.get() + " was reversed before it arrived: not"
                    + " recorded as dues");
            return;
        }
        Optional<Memberships.Refunds> refunded = memberships.refunds(DuesPayment.Source.PAYPAL, saleId,
                amount.getCurrency()).filter(refunds -> refunds.total().compareTo(amount) >= 0);
        if (refunded.isPresent()) {
            memberships.withdrawDuesPayment(DuesPayment.Source.PAYPAL, saleId, refunded.get().latestOn(),
                    DuesWithdrawal.Cause.REFUNDED, refunded.get().latestRefundId());
            LOG.info(() -> "PayPal sale " + saleId + " of " + account.get() + " was refunded in full before it arrived:"
                    + " not recorded as dues");
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
        member(member, subscriptionId).ifPresent(account -> late(account, "PayPal payment failed (subscription "
                + subscriptionId + ")"));
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void subscriptionChanged(String member, String subscriptionId, String status, Instant at) {
        Optional<UUID> account = member(member, subscriptionId);
        DuesSubscriptionChange.Status changed;
        try {
            changed = DuesSubscriptionChange.Status.valueOf(status);
        } catch (IllegalArgumentException e) {
            LOG.warning(() -> "PayPal subscription " + subscriptionId + " reported as " + status + ": ignored");
            return;
        }
        if (account.isEmpty() || subscriptionId.isBlank()) {
            return;
        }
        DuesSubscriptionChange.Status now = memberships.recordSubscriptionChange(account.get(), subscriptionId, changed,
                at);
        LOG.info(() -> "PayPal subscription " + subscriptionId + " of " + member + " became " + status + " at " + at
                + "; by PayPal's latest event it is " + now);
        if (changed != now) {
            return; // an older event than one already applied: it no longer describes the subscription
        }
        if (now == DuesSubscriptionChange.Status.SUSPENDED) {
            late(account.get(), "PayPal subscription " + subscriptionId + " suspended");
        } else if (now == DuesSubscriptionChange.Status.ACTIVE) {
            reactivate(account.get(), subscriptionId);
        }
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void paymentWithdrawn(String saleId, String withdrawalId, Instant at, boolean reversed, Money amount) {
        LocalDate on = at.atZone(memberships.foundation().getTimeZone()).toLocalDate();
        if (!reversed) {
            // A refund may be partial: the payment is withdrawn once its refunds add up to what was paid.
            Memberships.Refunds refunds = memberships.recordDuesRefund(DuesPayment.Source.PAYPAL, saleId, withdrawalId,
                    amount, on);
            Optional<Money> paid = memberships.paymentAmount(DuesPayment.Source.PAYPAL, saleId);
            if (paid.isEmpty()) {
                LOG.info(() -> "PayPal sale " + saleId + " refunded (" + amount + ") by " + withdrawalId
                        + " before it arrived: weighed when it comes");
                return;
            }
            if (!paid.get().getCurrency().equals(amount.getCurrency()) || refunds.total().compareTo(paid.get()) < 0) {
                LOG.info(() -> "PayPal sale " + saleId + " refunded in part (" + refunds.total() + " of " + paid.get()
                        + ") by " + withdrawalId + ": the payment still counts");
                return;
            }
        }
        if (memberships.withdrawDuesPayment(DuesPayment.Source.PAYPAL, saleId, on,
                reversed ? DuesWithdrawal.Cause.REVERSED : DuesWithdrawal.Cause.REFUNDED, withdrawalId)) {
            LOG.info(() -> "PayPal sale " + saleId + (reversed ? " reversed" : " refunded") + " by " + withdrawalId
                    + ": withdrawn from the member's dues");
        }
    }

    /**
     * An active general member is late from today (the calendar lapses them if nothing comes). A
     * project member's standing does not rest on dues: their PayPal payments change nothing.
     */
    private void late(UUID account, String reason) {
        if (!memberships.paysDues(account)) {
            LOG.info(() -> reason + ": " + account + " is a project member, standing unchanged");
            return;
        }
        StandingHistory history = memberships.history(account);
        LocalDate today = memberships.foundation().today();
        if (history.latest().orElse(Standing.APPLICANT) != Standing.ACTIVE
                || history.lastChangeDay().filter(day -> day.isAfter(today)).isPresent()) {
            return;
        }
        memberships.changeStanding(account, Standing.IN_GRACE, today, StandingCause.DUES_OVERDUE, reason, null);
    }

    /** A member in grace whose dues still cover today is active again from today. */
    private void reactivate(UUID account, String subscriptionId) {
        StandingHistory history = memberships.history(account);
        LocalDate today = memberships.foundation().today();
        if (history.latest().orElse(Standing.APPLICANT) != Standing.IN_GRACE
                || history.lastChangeDay().filter(day -> day.isAfter(today)).isPresent()
                || memberships.paidUntil(account).filter(until -> !until.isBefore(today)).isEmpty()) {
            return;
        }
        memberships.changeStanding(account, Standing.ACTIVE, today, StandingCause.DUES_PAYMENT,
                "PayPal subscription " + subscriptionId + " active again", null);
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
