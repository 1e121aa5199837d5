package org.herdbook.web.security.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.herdbook.web.account.control.Accounts;
import org.herdbook.web.account.entity.Account;
import org.herdbook.web.account.entity.Role;

/** The signed-in person as pages show them ({@code #{me}}). */
@Named("me")
@RequestScoped
public class CurrentAccount {

    @Inject
    SecurityContext security;
    @Inject
    Accounts accounts;

    private Optional<Account> account;

    private Optional<Account> account() {
        if (account == null) {
            Principal caller = security.getCallerPrincipal();
            account = caller == null ? Optional.empty() : parse(caller.getName()).flatMap(accounts::byId);
        }
        return account;
    }

    private static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public boolean isSignedIn() {
        return account().isPresent();
    }

    public String getEmail() {
        return account().map(Account::getEmail).orElse("");
    }

    public String getDisplayName() {
        return account().map(Account::getDisplayName).orElse("");
    }

    public String getRoles() {
        return account().map(found -> found.getRoles().stream().map(Role::roleName).sorted()
                .collect(Collectors.joining(", "))).orElse("");
    }

    public boolean hasRole(String role) {
        return security.isCallerInRole(role);
    }
}
