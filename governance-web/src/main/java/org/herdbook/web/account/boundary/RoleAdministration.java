package org.herdbook.web.account.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.herdbook.web.account.control.Accounts;
import org.herdbook.web.account.control.RoleGrants;
import org.herdbook.web.account.entity.Account;
import org.herdbook.web.account.entity.Role;
import org.herdbook.web.api.Refusal;
import org.herdbook.web.page.PageFeedback;
import org.herdbook.web.security.boundary.CurrentAccount;

/** The administrator's accounts page: who holds which role; grant and revoke. */
@Named
@RequestScoped
public class RoleAdministration {

    @Inject
    Accounts accounts;
    @Inject
    RoleGrants roleGrants;
    @Inject
    CurrentAccount me;
    @Inject
    PageFeedback feedback;

    private String email;
    private String role;
    private List<Account> all;

    public List<Account> getAccounts() {
        if (all == null) {
            all = accounts.all();
        }
        return all;
    }

    public List<String> getRoles() {
        return Arrays.stream(Role.values()).map(Role::roleName).toList();
    }

    public void grant() {
        change(true);
    }

    public void revoke() {
        change(false);
    }

    private void change(boolean grant) {
        UUID actor = me.account().getId();
        boolean done = feedback.attempt(() -> {
            Account subject = accounts.byEmail(email).filter(found -> !found.isClosed())
                    .orElseThrow(() -> new Refusal("account-not-found", jakarta.ws.rs.core.Response.Status.NOT_FOUND));
            Role chosen = Role.ofName(role).orElseThrow(() -> new Refusal("unknown-role",
                    jakarta.ws.rs.core.Response.Status.BAD_REQUEST, String.valueOf(role)));
            if (grant) {
                roleGrants.grant(actor, subject.getId(), chosen);
            } else {
                roleGrants.revoke(actor, subject.getId(), chosen);
            }
        });
        if (done) {
            all = null;
            feedback.info("admin.accounts.changed");
        }
    }

    public String rolesOf(Account account) {
        return String.join(", ", account.getRoles().stream().map(Role::roleName).sorted().toList());
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getRole() {
        return role;
    }

    public void setRole(String role) {
        this.role = role;
    }
}
