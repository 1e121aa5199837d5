package org.herdbook.web.filings.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.herdbook.web.account.entity.Account;
import org.herdbook.web.account.entity.Role;
import org.herdbook.web.api.InvalidInput;
import org.herdbook.web.api.Refusal;
import org.herdbook.web.audit.control.AuditLog;
import org.herdbook.web.foundation.control.FoundationProfile;
import org.herdbook.web.foundation.entity.Foundation;
import org.herdbook.web.mail.control.Letters;

/**
 * Statutory filings and their reminders. A filing not yet filed is reminded once to every
 * secretary, from {@code remindDaysBefore} days before it is due (days in the foundation's time
 * zone). Reminding is safe with several servers: one takes a database lock, the others skip, and
 * a filing marked reminded is never reminded again.
 */
@ApplicationScoped
public class Filings {

    /** A filing as listed. */
    public record Filing(UUID id, String titleEn, String titleFr, String authority, LocalDate dueOn,
            int remindDaysBefore, boolean reminded, LocalDate filedOn) {
    }

    /** What a secretary records. */
    public record NewFiling(String titleEn, String titleFr, String authority, LocalDate dueOn,
            Integer remindDaysBefore) {
    }

    private static final long REMINDER_LOCK = 0x4842_4649_4c49_4e01L;

    @PersistenceContext(unitName = "governance")
    EntityManager entityManager;
    @Inject
    FoundationProfile foundations;
    @Inject
    Letters letters;
    @Inject
    AuditLog audit;

    @Transactional(Transactional.TxType.MANDATORY)
    public Filing create(NewFiling wanted, UUID actor) {
        List<String> problems = new ArrayList<>();
        if (blank(wanted.titleEn(), 200) || blank(wanted.titleFr(), 200)) {
            problems.add("validation.filing-title.invalid");
        }
        if (wanted.authority() != null && wanted.authority().length() > 200) {
            problems.add("validation.filing-authority.invalid");
        }
        if (wanted.dueOn() == null) {
            problems.add("validation.filing-due.required");
        }
        int remind = wanted.remindDaysBefore() == null ? 30 : wanted.remindDaysBefore();
        if (remind < 0 || remind > 365) {
            problems.add("validation.filing-remind.invalid");
        }
        InvalidInput.refuseUnlessEmpty(problems);
        UUID id = UUID.randomUUID();
        String authority = wanted.authority() == null ? "" : wanted.authority().strip();
        entityManager.createNativeQuery("INSERT INTO governance.filing (id, title_en, title_fr, authority, due_on,"
                + " remind_days_before, created_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)").setParameter(1, id)
                .setParameter(2, wanted.titleEn().strip()).setParameter(3, wanted.titleFr().strip())
                .setParameter(4, authority).setParameter(5, wanted.dueOn()).setParameter(6, remind)
                .setParameter(7, actor).executeUpdate();
        audit.record(actor, AuditLog.Action.FILING_RECORDED, null, "filing " + id + " due " + wanted.dueOn());
        return new Filing(id, wanted.titleEn().strip(), wanted.titleFr().strip(), authority, wanted.dueOn(), remind,
                false, null);
    }

    /**
     * Marks a filing as filed.
     *
     * @throws Refusal {@code no-such-filing} (404), {@code filing-already-filed} (409)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void markFiled(UUID id, LocalDate filedOn, UUID actor) {
        if (filedOn == null) {
            throw new InvalidInput(List.of("validation.filing-filed-on.required"));
        }
        List<?> found = entityManager.createNativeQuery("SELECT filed_on FROM governance.filing WHERE id = ?1 FOR"
                + " UPDATE").setParameter(1, id).getResultList();
        if (found.isEmpty()) {
            throw new Refusal("no-such-filing", Response.Status.NOT_FOUND);
        }
        if (found.get(0) != null) {
            throw new Refusal("filing-already-filed", Response.Status.CONFLICT);
        }
        entityManager.createNativeQuery("UPDATE governance.filing SET filed_on = ?1, filed_by = ?2 WHERE id = ?3")
                .setParameter(1, filedOn).setParameter(2, actor).setParameter(3, id).executeUpdate();
        audit.record(actor, AuditLog.Action.FILING_RECORDED, null, "filing " + id + " filed " + filedOn);
    }

    public List<Filing> all() {
        List<Filing> filings = new ArrayList<>();
        for (Object row : entityManager.createNativeQuery("SELECT id, title_en, title_fr, authority, due_on,"
                + " remind_days_before, reminded_at IS NOT NULL, filed_on FROM governance.filing ORDER BY due_on, id")
                .getResultList()) {
            Object[] columns = (Object[]) row;
            filings.add(new Filing((UUID) columns[0], (String) columns[1], (String) columns[2], (String) columns[3],
                    day(columns[4]), ((Number) columns[5]).intValue(), (Boolean) columns[6], day(columns[7])));
        }
        return filings;
    }

    /**
     * E-mails every secretary about each filing whose reminder day has come, once.
     *
     * @return how many filings were reminded (0 when another server holds the lock)
     */
    @Transactional
    public int remindDue() {
        Object locked = entityManager.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)")
                .setParameter(1, REMINDER_LOCK).getSingleResult();
        if (!Boolean.TRUE.equals(locked) || foundations.current().isEmpty()) {
            return 0;
        }
        LocalDate today = foundations.current().map(Foundation::today).orElseThrow();
        List<Account> secretaries = entityManager.createQuery("SELECT a FROM Account a", Account.class)
                .getResultList().stream().filter(account -> !account.isClosed()
                        && account.getRoles().contains(Role.SECRETARY)).toList();
        int reminded = 0;
        for (Filing filing : all()) {
            if (filing.filedOn() != null || filing.reminded()
                    || today.isBefore(filing.dueOn().minusDays(filing.remindDaysBefore()))) {
                continue;
            }
            for (Account secretary : secretaries) {
                String title = secretary.getPreferredLanguage() == org.herdbook.web.i18n.Language.FRENCH
                        ? filing.titleFr() : filing.titleEn();
                letters.post(secretary, "filing-reminder", title, filing.dueOn().toString(), filing.authority());
            }
            entityManager.createNativeQuery("UPDATE governance.filing SET reminded_at = now() WHERE id = ?1")
                    .setParameter(1, filing.id()).executeUpdate();
            reminded++;
        }
        return reminded;
    }

    private static LocalDate day(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) value;
    }

    private static boolean blank(String text, int max) {
        return text == null || text.isBlank() || text.strip().length() > max;
    }
}
