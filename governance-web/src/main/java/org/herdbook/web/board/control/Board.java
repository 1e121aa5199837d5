package org.herdbook.web.board.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.herdbook.web.account.entity.Account;
import org.herdbook.web.api.InvalidInput;
import org.herdbook.web.api.Refusal;
import org.herdbook.web.audit.control.AuditLog;
import org.herdbook.web.board.entity.DirectorTerm;
import org.herdbook.web.board.entity.OfficerAppointment;
import org.herdbook.web.foundation.control.FoundationProfile;
import org.herdbook.web.foundation.entity.Foundation;

/**
 * The board over time: directors' terms, their resignations and the offices they hold. The board
 * on any day is read from the dated terms, so a past composition is always the one that stood.
 * Changes are serialised by a transaction-scoped database lock.
 */
@ApplicationScoped
public class Board {

    /** A director in office on a day, with the offices held that day. */
    public record Seat(UUID termId, UUID accountId, String name, LocalDate startsOn, LocalDate endsOn,
            Optional<LocalDate> resignedOn, Optional<UUID> electedAtMeeting, List<String> offices) {
    }

    private static final long BOARD_LOCK = 0x4842_424f_4152_4401L;

    @PersistenceContext(unitName = "governance")
    EntityManager entityManager;
    @Inject
    AuditLog audit;
    @Inject
    FoundationProfile foundations;

    public Foundation foundation() {
        return foundations.current().orElseThrow(() -> new Refusal("not-set-up", Response.Status.CONFLICT));
    }

    /**
     * The board as it stood on {@code day}, officers first in the bylaws' order, then by name. In
     * a transaction of its own, so that a page reading it again after a change sees the change.
     */
    @Transactional
    public List<Seat> on(LocalDate day) {
        List<String> officeOrder = List.of(foundation().getOfficerRoles().split(","));
        List<DirectorTerm> terms = allTerms().stream().filter(term -> term.servesOn(day)).toList();
        Map<UUID, List<OfficerAppointment>> appointments = appointmentsByTerm();
        List<Seat> seats = new ArrayList<>();
        for (DirectorTerm term : terms) {
            List<String> offices = appointments.getOrDefault(term.getId(), List.of()).stream()
                    .filter(appointment -> appointment.heldOn(day)).map(OfficerAppointment::getOffice)
                    .sorted(Comparator.comparingInt(office -> rank(officeOrder, office))).toList();
            seats.add(new Seat(term.getId(), term.getAccountId(), name(term.getAccountId()), term.getStartsOn(),
                    term.getEndsOn(), term.getResignedOn(), term.getElectedAtMeeting(), offices));
        }
        seats.sort(Comparator.<Seat>comparingInt(seat -> seat.offices().isEmpty() ? Integer.MAX_VALUE
                : rank(officeOrder, seat.offices().get(0))).thenComparing(Seat::name, String.CASE_INSENSITIVE_ORDER));
        return seats;
    }

    public boolean isDirectorOn(UUID account, LocalDate day) {
        return allTerms().stream().anyMatch(term -> term.getAccountId().equals(account) && term.servesOn(day));
    }

    /**
     * Records a director's term.
     *
     * @throws InvalidInput for missing or inverted dates
     * @throws Refusal {@code no-such-account} (404), {@code director-term-overlaps} (409) when the
     *     person already serves during those days, {@code director-term-limit} (409) past the
     *     bylaws' limit of terms, {@code no-such-meeting} (404)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public DirectorTerm elect(UUID accountId, UUID electedAtMeeting, LocalDate startsOn, LocalDate endsOn,
            UUID actor) {
        List<String> problems = new ArrayList<>();
        if (accountId == null) {
            problems.add("validation.director.required");
        }
        if (startsOn == null || endsOn == null) {
            problems.add("validation.term-dates.required");
        } else if (endsOn.isBefore(startsOn)) {
            problems.add("validation.term-dates.order");
        }
        InvalidInput.refuseUnlessEmpty(problems);
        lock();
        Account account = entityManager.find(Account.class, accountId);
        if (account == null || account.isClosed()) {
            throw new Refusal("no-such-account", Response.Status.NOT_FOUND);
        }
        if (electedAtMeeting != null && entityManager.createNativeQuery(
                "SELECT count(*) FROM governance.meeting WHERE id = ?1").setParameter(1, electedAtMeeting)
                .getSingleResult() instanceof Number count && count.longValue() == 0) {
            throw new Refusal("no-such-meeting", Response.Status.NOT_FOUND);
        }
        List<DirectorTerm> own = allTerms().stream().filter(term -> term.getAccountId().equals(accountId)).toList();
        if (own.stream().anyMatch(term -> term.overlaps(startsOn, endsOn))) {
            throw new Refusal("director-term-overlaps", Response.Status.CONFLICT);
        }
        int limit = foundation().getMaxDirectorTerms();
        if (limit > 0 && own.size() >= limit) {
            throw new Refusal("director-term-limit", Response.Status.CONFLICT, limit);
        }
        DirectorTerm term = new DirectorTerm(accountId, electedAtMeeting, startsOn, endsOn, actor);
        entityManager.persist(term);
        audit.record(actor, AuditLog.Action.DIRECTOR_TERM_RECORDED, accountId, "term " + startsOn + " to " + endsOn
                + (electedAtMeeting == null ? "" : ", elected at meeting " + electedAtMeeting));
        return term;
    }

    /**
     * A director resigns: out of office from {@code effectiveOn}.
     *
     * @throws Refusal {@code no-such-term} (404), {@code resignation-outside-term} (409) when the
     *     day is not after the term's first day or is after its last, {@code already-resigned} (409)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public DirectorTerm resign(UUID termId, LocalDate effectiveOn, UUID actor) {
        if (effectiveOn == null) {
            throw new InvalidInput(List.of("validation.resignation-date.required"));
        }
        lock();
        DirectorTerm term = term(termId);
        if (term.getResignedOn().isPresent()) {
            throw new Refusal("already-resigned", Response.Status.CONFLICT, term.getResignedOn().get());
        }
        if (!effectiveOn.isAfter(term.getStartsOn()) || effectiveOn.isAfter(term.getEndsOn())) {
            throw new Refusal("resignation-outside-term", Response.Status.CONFLICT, term.getStartsOn(),
                    term.getEndsOn());
        }
        term.resign(effectiveOn);
        audit.record(actor, AuditLog.Action.DIRECTOR_RESIGNED, term.getAccountId(), "from " + effectiveOn);
        return term;
    }

    /**
     * A director takes an office for part or all of their term.
     *
     * @throws Refusal {@code no-such-term} (404), {@code unknown-office} (400) for an office the
     *     bylaws do not name, {@code office-outside-term} (409), {@code office-taken} (409) when
     *     another director holds it on one of those days
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public OfficerAppointment appoint(UUID termId, String office, LocalDate startsOn, LocalDate endsOn, UUID actor) {
        List<String> problems = new ArrayList<>();
        if (startsOn == null || endsOn == null) {
            problems.add("validation.term-dates.required");
        } else if (endsOn.isBefore(startsOn)) {
            problems.add("validation.term-dates.order");
        }
        InvalidInput.refuseUnlessEmpty(problems);
        lock();
        DirectorTerm term = term(termId);
        if (office == null || !List.of(foundation().getOfficerRoles().split(",")).contains(office)) {
            throw new Refusal("unknown-office", Response.Status.BAD_REQUEST, foundation().getOfficerRoles());
        }
        if (startsOn.isBefore(term.getStartsOn()) || endsOn.isAfter(term.lastDay())) {
            throw new Refusal("office-outside-term", Response.Status.CONFLICT, term.getStartsOn(), term.lastDay());
        }
        Map<UUID, DirectorTerm> terms = allTerms().stream()
                .collect(Collectors.toMap(DirectorTerm::getId, Function.identity()));
        boolean taken = allAppointments().stream().filter(other -> other.getOffice().equals(office))
                .anyMatch(other -> {
                    DirectorTerm holder = terms.get(other.getTermId());
                    LocalDate otherEnd = other.getEndsOn().isAfter(holder.lastDay()) ? holder.lastDay()
                            : other.getEndsOn();
                    return !startsOn.isAfter(otherEnd) && !endsOn.isBefore(other.getStartsOn());
                });
        if (taken) {
            throw new Refusal("office-taken", Response.Status.CONFLICT, office);
        }
        OfficerAppointment appointment = new OfficerAppointment(termId, office, startsOn, endsOn, actor);
        entityManager.persist(appointment);
        audit.record(actor, AuditLog.Action.OFFICER_APPOINTED, term.getAccountId(), office + " " + startsOn + " to "
                + endsOn);
        return appointment;
    }

    public DirectorTerm term(UUID termId) {
        DirectorTerm term = termId == null ? null : entityManager.find(DirectorTerm.class, termId);
        if (term == null) {
            throw new Refusal("no-such-term", Response.Status.NOT_FOUND);
        }
        return term;
    }

    public String name(UUID account) {
        Account found = entityManager.find(Account.class, account);
        return found == null ? account.toString() : found.getDisplayName();
    }

    private List<DirectorTerm> allTerms() {
        return entityManager.createQuery("SELECT t FROM DirectorTerm t ORDER BY t.startsOn", DirectorTerm.class)
                .getResultList();
    }

    private List<OfficerAppointment> allAppointments() {
        return entityManager.createQuery("SELECT o FROM OfficerAppointment o", OfficerAppointment.class)
                .getResultList();
    }

    private Map<UUID, List<OfficerAppointment>> appointmentsByTerm() {
        return allAppointments().stream().collect(Collectors.groupingBy(OfficerAppointment::getTermId));
    }

    private void lock() {
        entityManager.createNativeQuery("SELECT pg_advisory_xact_lock(?1)").setParameter(1, BOARD_LOCK)
                .getSingleResult();
    }

    private static int rank(List<String> order, String office) {
        int index = order.indexOf(office);
        return index < 0 ? order.size() : index;
    }
}
