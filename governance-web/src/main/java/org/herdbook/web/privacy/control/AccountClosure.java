package org.herdbook.web.privacy.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import org.herdbook.web.account.entity.Account;
import org.herdbook.web.account.entity.Role;
import org.herdbook.web.api.Refusal;
import org.herdbook.web.audit.control.AuditLog;
import org.herdbook.web.mail.control.Letters;
import org.herdbook.web.membership.control.Memberships;
import org.herdbook.web.membership.entity.ProjectContribution;
import org.herdbook.web.membership.entity.Standing;
import org.herdbook.web.membership.entity.StandingCause;
import org.herdbook.web.security.control.AccessTokens;

/**
 * Closing an account at its owner's request. What identifies the person (address, name, password,
 * sign-in history, links, tokens, their words about a contribution) is erased; the account id
 * stays as a pseudonym so that dues, ledger entries, votes and the audit log keep their integrity
 * and their totals. A member who closes their account resigns.
 */
@ApplicationScoped
public class AccountClosure {

    @PersistenceContext(unitName = "governance")
    EntityManager entityManager;
    @Inject
    Memberships memberships;
    @Inject
    AccessTokens tokens;
    @Inject
    AuditLog audit;
    @Inject
    Letters letters;
    @Inject
    Event<AccountClosing> closing;

    /**
     * @param confirmation the account's e-mail address, typed again
     * @throws Refusal {@code closure-not-confirmed} (400), {@code last-admin} (409)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void close(Account account, String confirmation) {
        if (confirmation == null || !confirmation.strip().equalsIgnoreCase(account.getEmail())) {
            throw new Refusal("closure-not-confirmed", Response.Status.BAD_REQUEST);
        }
        if (account.getRoles().contains(Role.ADMIN) && entityManager.createNamedQuery(Account.WITH_ROLE, Long.class)
                .setParameter("role", Role.ADMIN).getSingleResult() <= 1) {
            throw new Refusal("last-admin", Response.Status.CONFLICT);
        }
        memberships.of(account.getId()).ifPresent(membership -> {
            Standing latest = memberships.history(account.getId()).latest().orElse(Standing.APPLICANT);
            if (latest != Standing.RESIGNED && latest != Standing.REMOVED) {
                memberships.changeStanding(account.getId(), Standing.RESIGNED, memberships.foundation().today(),
                        StandingCause.ACCOUNT_CLOSED, "", account.getId());
            }
            memberships.contributions(account.getId()).forEach(ProjectContribution::erasePersonalData);
        });
        letters.post(account, "closed");
        String emailKey = account.getEmail().strip().toLowerCase(Locale.ROOT);
        entityManager.createNativeQuery("DELETE FROM governance.login_attempt WHERE account_key = ?1")
                .setParameter(1, emailKey).executeUpdate();
        entityManager.createQuery("DELETE FROM EmailToken t WHERE t.accountId = :account")
                .setParameter("account", account.getId()).executeUpdate();
        tokens.revokeAll(account.getId());
        closing.fire(new AccountClosing(account.getId()));
        account.closeAndPseudonymise(pseudonym(account));
        audit.record(account.getId(), AuditLog.Action.ACCOUNT_CLOSED, account.getId(), "");
    }

    /** "former-member-1a2b3c4d": stable, carries nothing about the person. */
    static String pseudonym(Account account) {
        return "former-member-" + account.getId().toString().substring(0, 8);
    }
}
