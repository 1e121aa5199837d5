package org.herdbook.web.membership.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.herdbook.finance.money.Money;
import org.herdbook.web.account.entity.Account;
import org.herdbook.web.api.Refusal;
import org.herdbook.web.audit.control.AuditLog;
import org.herdbook.web.foundation.control.FoundationProfile;
import org.herdbook.web.foundation.entity.Foundation;
import org.herdbook.web.membership.entity.DuesPayment;
import org.herdbook.web.membership.entity.DuesSubscriptionChange;
import org.herdbook.web.membership.entity.DuesWithdrawal;
import org.herdbook.web.membership.entity.MemberClass;
import org.herdbook.web.membership.entity.Membership;
import org.herdbook.web.membership.entity.ProjectContribution;
import org.herdbook.web.membership.entity.Standing;
import org.herdbook.web.membership.entity.StandingCause;
import org.herdbook.web.membership.entity.StandingChange;

/**
 * Memberships and the rules of standing. Standing is read from dated changes plus what the dues
 * calendar says has happened since (so that a view is right even before the daily job has
 * written the changes down); every decision is written with who made it and lands in the audit
 * log. Changes for one member are serialised by a lock on their membership row.
 */
@ApplicationScoped
public class Memberships {

    /** A row of the board's member directory. */
    public record DirectoryEntry(UUID id, String displayName, String email, MemberClass memberClass,
            Standing standing, Optional<LocalDate> standingSince, Optional<LocalDate> memberSince,
            Optional<LocalDate> paidUntil, Optional<LocalDate> reviewOn) {
    }

    /** A member's file: what the member and the board see. */
    public record MemberFile(Account account, Membership membership, StandingHistory history, Standing standing,
            Optional<LocalDate> paidUntil, List<DuesPayment> payments, List<ProjectContribution> contributions,
            VotingEligibility.Verdict eligibleToday, List<DuesWithdrawal> withdrawals,
            Optional<DuesSubscriptionChange> subscription) {

        /** The PayPal subscription's status code ({@code active}, {@code cancelled}...), or null without one. */
        public String subscriptionStatus() {
            return subscription.map(change -> change.getStatus().code()).orElse(null);
        }

        /** The day {@code payment} was withdrawn, or null while it counts (for the pages). */
        public LocalDate withdrawnOn(DuesPayment payment) {
            return withdrawal(payment).map(DuesWithdrawal::getWithdrawnOn).orElse(null);
        }

        /** When {@code payment} was withdrawn (its money went back), if it was. */
        public Optional<DuesWithdrawal> withdrawal(DuesPayment payment) {
            return withdrawals.stream().filter(withdrawal -> withdrawal.getSource().equals(payment.getSource())
                    && withdrawal.getReference().equals(payment.getReference())).findFirst();
        }
    }

    /** The project a membership rests on, as the board grants it. */
    public record ProjectGrant(String project, String description, String evidenceUrl, LocalDate startsOn,
            LocalDate reviewOn) {
    }

    @PersistenceContext(unitName = "governance")
    EntityManager entityManager;
    @Inject
    AuditLog audit;
    @Inject
    FoundationProfile foundations;

    public Foundation foundation() {
        return foundations.current().orElseThrow(() -> new Refusal("not-set-up", Response.Status.CONFLICT));
    }

    public Optional<Membership> of(UUID account) {
        return Optional.ofNullable(entityManager.find(Membership.class, account));
    }

    /** Starts a membership application: general class, standing "applicant" from today. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Membership apply(Account account) {
        Membership membership = new Membership(account.getId(), MemberClass.GENERAL);
        entityManager.persist(membership);
        entityManager.flush();
        entityManager.persist(new StandingChange(account.getId(), Standing.APPLICANT, foundation().today(),
                StandingCause.APPLICATION, "", account.getId()));
        return membership;
    }

    /**
     * The member's history as it stands today, including changes the dues calendar has made due.
     * The calendar is a general member's: a project member's standing rests on the board's grant,
     * whatever dues they paid before or pay besides.
     */
    public StandingHistory history(UUID account) {
        StandingHistory stored = stored(account);
        return paysDues(account) ? effective(stored, paidUntil(account), foundation()) : stored;
    }

    /** Whether dues keep this member in good standing: general members, not project members. */
    public boolean paysDues(UUID account) {
        return of(account).map(Membership::getMemberClass).filter(MemberClass.GENERAL::equals).isPresent();
    }

    /** The last day covered by the member's dues payments that still count (none withdrawn). */
    public Optional<LocalDate> paidUntil(UUID account) {
        return Optional.ofNullable(entityManager.createQuery(
                "SELECT MAX(p.coversUntil) FROM DuesPayment p WHERE p.accountId = :account AND " + NOT_WITHDRAWN,
                LocalDate.class).setParameter("account", account).getSingleResult());
    }

    /** A payment counts unless a withdrawal names its source and reference. */
    private static final String NOT_WITHDRAWN = "NOT EXISTS (SELECT w.id FROM DuesWithdrawal w"
            + " WHERE w.source = p.source AND w.reference = p.reference)";

    public MemberFile file(Account account) {
        Membership membership = of(account.getId())
                .orElseThrow(() -> new Refusal("not-a-member", Response.Status.NOT_FOUND));
        StandingHistory history = history(account.getId());
        LocalDate today = foundation().today();
        return new MemberFile(account, membership, history, history.on(today).orElse(Standing.APPLICANT),
                paidUntil(account.getId()),
                entityManager.createNamedQuery(DuesPayment.OF_ACCOUNT, DuesPayment.class)
                        .setParameter("account", account.getId()).getResultList(),
                contributions(account.getId()), VotingEligibility.on(history, today, rules()),
                entityManager.createQuery("SELECT w FROM DuesWithdrawal w WHERE EXISTS (SELECT p.id FROM DuesPayment p"
                        + " WHERE p.accountId = :account AND p.source = w.source AND p.reference = w.reference)",
                        DuesWithdrawal.class).setParameter("account", account.getId()).getResultList(),
                subscription(account.getId()));
    }

    /** The member's PayPal subscription as PayPal's latest event (by its own time) describes it. */
    public Optional<DuesSubscriptionChange> subscription(UUID account) {
        return entityManager.createNamedQuery(DuesSubscriptionChange.OF_ACCOUNT, DuesSubscriptionChange.class)
                .setParameter("account", account).setMaxResults(1).getResultStream().findFirst();
    }

    /** Every change of the member's PayPal subscriptions, latest first (for the member's data export). */
    public List<DuesSubscriptionChange> subscriptionChanges(UUID account) {
        return entityManager.createNamedQuery(DuesSubscriptionChange.OF_ACCOUNT, DuesSubscriptionChange.class)
                .setParameter("account", account).getResultList();
    }

    public List<ProjectContribution> contributions(UUID account) {
        return entityManager.createNamedQuery(ProjectContribution.OF_ACCOUNT, ProjectContribution.class)
                .setParameter("account", account).getResultList();
    }

    public VotingEligibility.Rules rules() {
        Foundation foundation = foundation();
        return new VotingEligibility.Rules(foundation.isGraceKeepsVote(), foundation.getMinMembershipDays());
    }

    /** The voting eligibility rule for one member on a record date. */
    public VotingEligibility.Verdict eligibility(UUID account, LocalDate recordDate) {
        return VotingEligibility.on(history(account), recordDate, rules());
    }

    /** Everyone who may vote on {@code recordDate}: the voter roll ballots and meetings freeze. */
    public List<UUID> eligibleOn(LocalDate recordDate) {
        VotingEligibility.Rules rules = rules();
        return allHistories().entrySet().stream()
                .filter(entry -> VotingEligibility.on(entry.getValue(), recordDate, rules).eligible())
                .map(Map.Entry::getKey).sorted().toList();
    }

    /**
     * A decision about a member's standing.
     *
     * @throws Refusal when the change cannot be made: not a member, a standing the board cannot
     *     decide, a day before the last change, or no change at all
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public StandingChange changeStanding(UUID account, Standing target, LocalDate effectiveOn, StandingCause cause,
            String reason, UUID actor) {
        lock(account);
        if (cause == StandingCause.BOARD_DECISION && !target.decidedByBoard()) {
            throw new Refusal("standing-not-decided-by-board", Response.Status.CONFLICT, target.code());
        }
        StandingHistory history = history(account);
        Optional<LocalDate> last = history.lastChangeDay();
        if (last.isPresent() && effectiveOn.isBefore(last.get())) {
            throw new Refusal("standing-before-last-change", Response.Status.CONFLICT, last.get().toString());
        }
        if (history.latest().filter(target::equals).isPresent()) {
            throw new Refusal("standing-unchanged", Response.Status.CONFLICT, target.code());
        }
        writeDueCalendarChanges(account, history);
        StandingChange change = new StandingChange(account, target, effectiveOn, cause, reason, actor);
        entityManager.persist(change);
        audit.record(actor, AuditLog.Action.STANDING_CHANGED, account, target.code() + " from " + effectiveOn
                + " (" + cause.code() + ")");
        return change;
    }

    /** A member leaves at their own request, from today. */
    @Transactional(Transactional.TxType.MANDATORY)
    public StandingChange resign(UUID account) {
        Standing now = history(account).latest().orElse(Standing.APPLICANT);
        if (now == Standing.RESIGNED || now == Standing.REMOVED) {
            throw new Refusal("standing-unchanged", Response.Status.CONFLICT, now.code());
        }
        return changeStanding(account, Standing.RESIGNED, foundation().today(), StandingCause.OWN_REQUEST, "", account);
    }

    /**
     * The board makes someone a project member for a contribution; they are active from its start.
     * What the dues calendar did to them as a general member (grace, lapse) is written down first:
     * from then on it no longer applies to them.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public ProjectContribution grantProjectMembership(UUID account, ProjectGrant grant, UUID actor) {
        Membership membership = lock(account);
        writeDueCalendarChanges(account, history(account));
        membership.changeClass(MemberClass.PROJECT);
        ProjectContribution contribution = new ProjectContribution(account, grant.project(), grant.description(),
                grant.evidenceUrl(), grant.startsOn(), grant.reviewOn(), actor);
        entityManager.persist(contribution);
        audit.record(actor, AuditLog.Action.PROJECT_MEMBERSHIP_GRANTED, account,
                "from " + grant.startsOn() + ", review " + grant.reviewOn());
        StandingHistory history = history(account);
        Standing latest = history.latest().orElse(Standing.APPLICANT);
        if (latest != Standing.ACTIVE) {
            LocalDate from = later(grant.startsOn(), history.lastChangeDay().orElse(grant.startsOn()));
            entityManager.persist(new StandingChange(account, Standing.ACTIVE, from, StandingCause.PROJECT_GRANT,
                    grant.project(), actor));
            audit.record(actor, AuditLog.Action.STANDING_CHANGED, account, "active from " + from + " (project-grant)");
        }
        return contribution;
    }

    /**
     * Dues paid for {@code months} months: recorded, and the member made active again when the
     * payment covers today (a removed member stays removed: that is the board's decision).
     *
     * @throws Refusal {@code not-a-member} (404), {@code dues-currency} (400) when the amount is
     *     not in the foundation's currency
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public DuesPayment recordDuesPayment(UUID account, Money amount, LocalDate paidOn, int months,
            DuesPayment.Source source, String reference, UUID actor) {
        lock(account);
        Foundation foundation = foundation();
        if (!amount.getCurrency().equals(foundation.getDefaultCurrency())) {
            throw new Refusal("dues-currency", Response.Status.BAD_REQUEST,
                    foundation.getDefaultCurrency().getCurrencyCode());
        }
        LocalDate today = foundation.today();
        StandingHistory before = history(account);
        writeDueCalendarChanges(account, before);
        LocalDate coversUntil = DuesCalendar.coversUntil(paidUntil(account), paidOn, months);
        DuesPayment payment = new DuesPayment(account, amount, paidOn, coversUntil, source, reference, actor);
        entityManager.persist(payment);
        audit.record(actor, AuditLog.Action.DUES_RECORDED, account, amount + " paid " + paidOn + ", covers until "
                + coversUntil);
        Standing latest = before.latest().orElse(Standing.APPLICANT);
        if (latest.reactivatedByPayment() && !coversUntil.isBefore(today)) {
            LocalDate from = later(paidOn, before.lastChangeDay().orElse(paidOn));
            entityManager.persist(new StandingChange(account, Standing.ACTIVE, from, StandingCause.DUES_PAYMENT, "",
                    actor));
        }
        entityManager.flush();
        writeDueCalendarChanges(account, history(account));
        return payment;
    }

    /**
     * Withdraws the dues payment {@code reference} from {@code source} because its money went back:
     * a dated record, the payment itself untouched. From then on it covers nothing, so a member
     * whose dues no longer cover today moves to grace (from the day after what still counts, or
     * from {@code on} when nothing does) and lapses when the grace days run out, unless a payment
     * comes. Once per payment: a second withdrawal of the same payment changes nothing. The payment
     * may not be known yet (a refund that arrives before its sale): the withdrawal is kept and the
     * sale, when it comes, is not counted.
     *
     * @return whether this call withdrew it (false: withdrawn already)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean withdrawDuesPayment(DuesPayment.Source source, String reference, LocalDate on,
            DuesWithdrawal.Cause cause, String causeReference) {
        Optional<UUID> account = entityManager.createQuery("SELECT p.accountId FROM DuesPayment p WHERE p.source = :source"
                + " AND p.reference = :reference", UUID.class).setParameter("source", source.code())
                .setParameter("reference", reference).setMaxResults(1).getResultStream().findFirst();
        account.ifPresent(this::lock);
        if (isWithdrawn(source, reference)) {
            return false;
        }
        if (account.isEmpty()) {
            entityManager.persist(new DuesWithdrawal(source, reference, null, on, cause, causeReference));
            entityManager.flush();
            return true;
        }
        UUID member = account.get();
        writeDueCalendarChanges(member, history(member));
        entityManager.persist(new DuesWithdrawal(source, reference, member, on, cause, causeReference));
        entityManager.flush();
        audit.record(null, AuditLog.Action.DUES_WITHDRAWN, member, source.code() + " " + reference + " " + cause.code()
                + " on " + on + " (" + causeReference + ")");
        StandingHistory after = history(member);
        writeDueCalendarChanges(member, after);
        LocalDate today = foundation().today();
        if (paysDues(member) && paidUntil(member).isEmpty() && after.latest().filter(Standing.ACTIVE::equals).isPresent()
                && after.lastChangeDay().filter(day -> day.isAfter(today)).isEmpty()) {
            changeStanding(member, Standing.IN_GRACE, today, StandingCause.DUES_OVERDUE,
                    "dues payment " + reference + " " + cause.code(), null);
        }
        return true;
    }

    /** What has been refunded of one payment so far (in one currency), and the latest refund. */
    public record Refunds(Money total, String latestRefundId, LocalDate latestOn) {
    }

    /**
     * Records refund {@code refundId} of {@code amount} on payment {@code reference} (once: a retry
     * adds nothing) and returns what has been refunded of that payment so far in that currency.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Refunds recordDuesRefund(DuesPayment.Source source, String reference, String refundId, Money amount,
            LocalDate on) {
        entityManager.createNativeQuery("INSERT INTO governance.dues_refund (refund_id, source, reference, amount,"
                + " currency, refunded_on) VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (refund_id) DO NOTHING")
                .setParameter(1, refundId).setParameter(2, source.code()).setParameter(3, reference)
                .setParameter(4, amount.getAmount()).setParameter(5, amount.getCurrency().getCurrencyCode())
                .setParameter(6, java.sql.Date.valueOf(on)).executeUpdate();
        return refunds(source, reference, amount.getCurrency()).orElseThrow();
    }

    /** The refunds of payment {@code reference} in {@code currency}, if any. */
    public Optional<Refunds> refunds(DuesPayment.Source source, String reference, Currency currency) {
        List<?> rows = entityManager.createNativeQuery("SELECT sum(amount) OVER (), refund_id, refunded_on"
                + " FROM governance.dues_refund WHERE source = ?1 AND reference = ?2 AND currency = ?3"
                + " ORDER BY refunded_on DESC, recorded_at DESC LIMIT 1").setParameter(1, source.code())
                .setParameter(2, reference).setParameter(3, currency.getCurrencyCode()).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        return Optional.of(new Refunds(money(row[0], currency), (String) row[1], day(row[2])));
    }

    /** One refund of one of a member's dues payments. */
    public record Refund(String reference, String refundId, Money amount, LocalDate on) {
    }

    /** Every refund of the member's recorded dues payments, oldest first. */
    public List<Refund> refundsOf(UUID account) {
        List<Refund> found = new ArrayList<>();
        for (Object row : entityManager.createNativeQuery("SELECT r.reference, r.refund_id, r.amount, r.currency,"
                + " r.refunded_on FROM governance.dues_refund r JOIN governance.dues_payment p ON p.source = r.source"
                + " AND p.reference = r.reference WHERE p.account_id = ?1 ORDER BY r.refunded_on, r.recorded_at")
                .setParameter(1, account).getResultList()) {
            Object[] columns = (Object[]) row;
            found.add(new Refund((String) columns[0], (String) columns[1],
                    money(columns[2], Currency.getInstance(((String) columns[3]).strip())), day(columns[4])));
        }
        return found;
    }

    /** A stored amount (three decimals in the table) as money of {@code currency}. */
    private static Money money(Object column, Currency currency) {
        return Money.ofRounded((BigDecimal) column, currency, RoundingMode.UNNECESSARY);
    }

    private static LocalDate day(Object column) {
        return column instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) column;
    }

    /** The amount of dues payment {@code reference} from {@code source}, if it has been recorded. */
    public Optional<Money> paymentAmount(DuesPayment.Source source, String reference) {
        return entityManager.createQuery("SELECT p FROM DuesPayment p WHERE p.source = :source"
                + " AND p.reference = :reference", DuesPayment.class).setParameter("source", source.code())
                .setParameter("reference", reference).setMaxResults(1).getResultStream().findFirst()
                .map(DuesPayment::getAmount);
    }

    /** Whether dues payment {@code reference} from {@code source} was withdrawn. */
    public boolean isWithdrawn(DuesPayment.Source source, String reference) {
        return entityManager.createQuery("SELECT count(w) FROM DuesWithdrawal w WHERE w.source = :source"
                + " AND w.reference = :reference", Long.class).setParameter("source", source.code())
                .setParameter("reference", reference).getSingleResult() > 0;
    }

    /**
     * Records what PayPal says of the member's subscription at {@code changedAt} (the event's time).
     *
     * @return the subscription's status now, by the latest event time among those recorded
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public DuesSubscriptionChange.Status recordSubscriptionChange(UUID account, String subscriptionId,
            DuesSubscriptionChange.Status status, java.time.Instant changedAt) {
        lock(account);
        entityManager.persist(new DuesSubscriptionChange(account, subscriptionId, status, changedAt));
        entityManager.flush();
        return entityManager.createQuery("SELECT c FROM DuesSubscriptionChange c WHERE c.accountId = :account"
                + " AND c.subscriptionId = :subscription ORDER BY c.changedAt DESC, c.recordedAt DESC",
                DuesSubscriptionChange.class).setParameter("account", account).setParameter("subscription", subscriptionId)
                .setMaxResults(1).getSingleResult().getStatus();
    }

    /**
     * Writes down the grace and lapse changes the dues calendar has made due for everyone.
     * Safe when several servers run it at once: one takes the lock, the others skip.
     *
     * @return how many changes were written
     */
    @Transactional
    public int writeDueCalendarChangesForAll() {
        Object locked = entityManager.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)")
                .setParameter(1, CALENDAR_LOCK).getSingleResult();
        if (!Boolean.TRUE.equals(locked) || foundations.current().isEmpty()) {
            return 0;
        }
        int written = 0;
        for (UUID account : entityManager.createQuery("SELECT m.accountId FROM Membership m", UUID.class)
                .getResultList()) {
            written += writeDueCalendarChanges(account, history(account));
        }
        return written;
    }

    /** The board's directory, filtered by class and standing today. */
    public List<DirectoryEntry> directory(Optional<MemberClass> memberClass, Optional<Standing> standing) {
        LocalDate today = foundation().today();
        Map<UUID, StandingHistory> histories = allHistories();
        Map<UUID, LocalDate> reviews = new LinkedHashMap<>();
        for (Object[] row : entityManager.createQuery("SELECT c.accountId, MAX(c.reviewOn) FROM ProjectContribution c"
                + " GROUP BY c.accountId", Object[].class).getResultList()) {
            reviews.put((UUID) row[0], (LocalDate) row[1]);
        }
        Map<UUID, LocalDate> paid = paidUntilByAccount();
        List<DirectoryEntry> entries = new ArrayList<>();
        for (Object[] row : entityManager.createQuery("SELECT m, a FROM Membership m, Account a"
                + " WHERE a.id = m.accountId AND a.closedAt IS NULL", Object[].class).getResultList()) {
            Membership membership = (Membership) row[0];
            Account account = (Account) row[1];
            StandingHistory history = histories.getOrDefault(account.getId(), new StandingHistory(List.of()));
            Standing now = history.on(today).orElse(Standing.APPLICANT);
            if (memberClass.filter(wanted -> wanted != membership.getMemberClass()).isPresent()
                    || standing.filter(wanted -> wanted != now).isPresent()) {
                continue;
            }
            Optional<LocalDate> since = history.periods().stream().filter(period -> period.until().isEmpty())
                    .map(StandingHistory.Period::from).findFirst();
            entries.add(new DirectoryEntry(account.getId(), account.getDisplayName(), account.getEmail(),
                    membership.getMemberClass(), now, since, history.memberSince(today),
                    Optional.ofNullable(paid.get(account.getId())),
                    Optional.ofNullable(reviews.get(account.getId()))));
        }
        entries.sort(Comparator.comparing(DirectoryEntry::displayName, String.CASE_INSENSITIVE_ORDER)
                .thenComparing(DirectoryEntry::email));
        return entries;
    }

    /** How many members there are in each class and standing today (every pair, zeros included). */
    public Map<MemberClass, Map<Standing, Long>> counts() {
        Map<MemberClass, Map<Standing, Long>> counts = new EnumMap<>(MemberClass.class);
        for (MemberClass memberClass : MemberClass.values()) {
            Map<Standing, Long> byStanding = new EnumMap<>(Standing.class);
            for (Standing standing : Standing.values()) {
                byStanding.put(standing, 0L);
            }
            counts.put(memberClass, byStanding);
        }
        for (DirectoryEntry entry : directory(Optional.empty(), Optional.empty())) {
            counts.get(entry.memberClass()).merge(entry.standing(), 1L, Long::sum);
        }
        return counts;
    }

    /** Members in one class and standing on a day, and the members who joined or lapsed in a span of days. */
    public record MonthCounts(Map<MemberClass, Map<Standing, Long>> counts, int joined, int lapsed) {
    }

    /**
     * Members by class and standing on {@code last}; how many first became members (active or in
     * grace for the first time) and how many lapsed between {@code first} and {@code last}, both
     * included. Read from the same effective histories as the directory, so the dues calendar's
     * due changes count even before the hourly job writes them down.
     */
    public MonthCounts countsBetween(LocalDate first, LocalDate last) {
        Map<MemberClass, Map<Standing, Long>> counts = new EnumMap<>(MemberClass.class);
        for (MemberClass memberClass : MemberClass.values()) {
            Map<Standing, Long> byStanding = new EnumMap<>(Standing.class);
            for (Standing standing : Standing.values()) {
                byStanding.put(standing, 0L);
            }
            counts.put(memberClass, byStanding);
        }
        Map<UUID, StandingHistory> histories = allHistories();
        int joined = 0;
        int lapsed = 0;
        for (Membership membership : entityManager.createQuery("SELECT m FROM Membership m", Membership.class)
                .getResultList()) {
            StandingHistory history = histories.get(membership.getAccountId());
            if (history == null) {
                continue;
            }
            history.on(last).ifPresent(standing -> counts.get(membership.getMemberClass()).merge(standing, 1L, Long::sum));
            Optional<LocalDate> firstMembership = history.changes().stream()
                    .filter(change -> change.standing().isMembership()).map(StandingHistory.Change::effectiveOn)
                    .min(Comparator.naturalOrder());
            if (firstMembership.filter(day -> !day.isBefore(first) && !day.isAfter(last)).isPresent()) {
                joined++;
            }
            if (history.changes().stream().anyMatch(change -> change.standing() == Standing.LAPSED
                    && !change.effectiveOn().isBefore(first) && !change.effectiveOn().isAfter(last))) {
                lapsed++;
            }
        }
        return new MonthCounts(counts, joined, lapsed);
    }

    private static final long CALENDAR_LOCK = 0x4865726462L; // "Herdb": the dues calendar job

    private Map<UUID, LocalDate> paidUntilByAccount() {
        Map<UUID, LocalDate> all = new LinkedHashMap<>();
        for (Object[] row : entityManager.createQuery("SELECT p.accountId, MAX(p.coversUntil) FROM DuesPayment p"
                + " WHERE " + NOT_WITHDRAWN + " GROUP BY p.accountId", Object[].class).getResultList()) {
            all.put((UUID) row[0], (LocalDate) row[1]);
        }
        return all;
    }

    private Map<UUID, StandingHistory> allHistories() {
        // Read once: the foundation's day and grace days apply to every member alike.
        Foundation foundation = foundation();
        Map<UUID, List<StandingHistory.Change>> changes = new LinkedHashMap<>();
        for (StandingChange change : entityManager.createNamedQuery(StandingChange.ALL, StandingChange.class)
                .getResultList()) {
            changes.computeIfAbsent(change.getAccountId(), key -> new ArrayList<>()).add(toChange(change));
        }
        Map<UUID, LocalDate> paid = paidUntilByAccount();
        Set<UUID> projectMembers = new HashSet<>(entityManager.createQuery("SELECT m.accountId FROM Membership m"
                + " WHERE m.memberClass = :project", UUID.class).setParameter("project", MemberClass.PROJECT.code())
                .getResultList());
        return changes.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                entry -> projectMembers.contains(entry.getKey()) ? new StandingHistory(entry.getValue())
                        : effective(new StandingHistory(entry.getValue()), Optional.ofNullable(paid.get(entry.getKey())),
                                foundation), (a, b) -> a, LinkedHashMap::new));
    }

    private StandingHistory stored(UUID account) {
        return new StandingHistory(entityManager.createNamedQuery(StandingChange.OF_ACCOUNT, StandingChange.class)
                .setParameter("account", account).getResultStream().map(Memberships::toChange).toList());
    }

    private static StandingHistory effective(StandingHistory stored, Optional<LocalDate> paidUntil,
            Foundation foundation) {
        if (stored.isEmpty()) {
            return stored;
        }
        List<DuesCalendar.Due> due = DuesCalendar.dueBy(foundation.today(), stored.latest().orElseThrow(),
                stored.lastChangeDay().orElseThrow(), paidUntil, foundation.getDuesGraceDays());
        if (due.isEmpty()) {
            return stored;
        }
        List<StandingHistory.Change> all = new ArrayList<>(stored.changes());
        due.forEach(next -> all.add(new StandingHistory.Change(next.standing(), next.effectiveOn(),
                StandingCause.DUES_OVERDUE, "")));
        return new StandingHistory(all);
    }

    /** Persists the calendar's changes that {@code history} shows but the database does not have yet. */
    private int writeDueCalendarChanges(UUID account, StandingHistory history) {
        StandingHistory stored = stored(account);
        int written = 0;
        for (StandingHistory.Change change : history.changes().subList(stored.changes().size(),
                history.changes().size())) {
            entityManager.persist(new StandingChange(account, change.standing(), change.effectiveOn(), change.cause(),
                    change.reason(), null));
            audit.record(null, AuditLog.Action.STANDING_CHANGED, account, change.standing().code() + " from "
                    + change.effectiveOn() + " (" + change.cause().code() + ")");
            written++;
        }
        if (written > 0) {
            entityManager.flush();
        }
        return written;
    }

    private Membership lock(UUID account) {
        Membership membership = entityManager.find(Membership.class, account, LockModeType.PESSIMISTIC_WRITE);
        if (membership == null) {
            throw new Refusal("not-a-member", Response.Status.NOT_FOUND);
        }
        return membership;
    }

    private static StandingHistory.Change toChange(StandingChange change) {
        return new StandingHistory.Change(change.getStanding(), change.getEffectiveOn(), change.getCause(),
                change.getReason());
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
