package org.herdbook.web.account.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.herdbook.web.account.entity.Account;
import org.herdbook.web.account.entity.Role;
import org.herdbook.web.api.Refusal;
import org.herdbook.web.audit.control.AuditLog;

/**
 * An administrator grants and revokes roles; every change is in the audit log. The last
 * administrator cannot be revoked, so Herdbook is never left without one.
 */
@ApplicationScoped
public class RoleGrants {

    @PersistenceContext(unitName = "governance")
    EntityManager entityManager;
    @Inject
    Accounts accounts;
    @Inject
    AuditLog audit;

    /** @return whether the role was newly granted (granting a held role changes nothing) */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean grant(UUID actor, UUID subject, Role role) {
        Account account = open(subject);
        boolean granted = account.grant(role);
        if (granted) {
            audit.record(actor, AuditLog.Action.ROLE_GRANTED, subject, role.roleName());
        }
        return granted;
    }

    /** @return whether the role was held and is now revoked */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean revoke(UUID actor, UUID subject, Role role) {
        if (role == Role.ADMIN) {
            // Two administrators revoking each other at once must not both succeed.
            entityManager.createNativeQuery("SELECT pg_advisory_xact_lock(?1)").setParameter(1, ADMIN_LOCK)
                    .getSingleResult();
        }
        Account account = open(subject);
        if (role == Role.ADMIN && account.getRoles().contains(Role.ADMIN)
                && entityManager.createNamedQuery(Account.WITH_ROLE, Long.class).setParameter("role", Role.ADMIN)
                        .getSingleResult() <= 1) {
            throw new Refusal("last-admin", Response.Status.CONFLICT);
        }
        boolean revoked = account.revoke(role);
        if (revoked) {
            audit.record(actor, AuditLog.Action.ROLE_REVOKED, subject, role.roleName());
        }
        return revoked;
    }

    private static final long ADMIN_LOCK = 0x41646d696eL; // "Admin"

    private Account open(UUID subject) {
        Account account = entityManager.find(Account.class, subject, LockModeType.PESSIMISTIC_WRITE);
        if (account == null || account.isClosed()) {
            throw new Refusal("account-not-found", Response.Status.NOT_FOUND);
        }
        return account;
    }
}
