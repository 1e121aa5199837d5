package org.herdbook.web.security.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.stream.Collectors;
import org.herdbook.web.account.entity.Account;
import org.herdbook.web.account.entity.Role;
import org.herdbook.web.security.control.HerdbookAuthentication;

/** The signed-in person as pages show them ({@code #{me}}). */
@Named("me")
@RequestScoped
public class CurrentAccount {

    @Inject
    SecurityContext security;
    @Inject
    HttpServletRequest request;

    /** The account the authentication mechanism loaded for this request, if anyone is signed in. */
    private Optional<Account> signedIn() {
        return request.getAttribute(HerdbookAuthentication.REQUEST_ACCOUNT) instanceof Account account
                && security.getCallerPrincipal() != null ? Optional.of(account) : Optional.empty();
    }

    /** The signed-in account; only for boundaries that declare a role, so someone is signed in. */
    public Account account() {
        return signedIn().orElseThrow(() -> new jakarta.ws.rs.NotAuthorizedException("Bearer"));
    }

    public boolean isSignedIn() {
        return signedIn().isPresent();
    }

    public String getEmail() {
        return signedIn().map(Account::getEmail).orElse("");
    }

    public String getDisplayName() {
        return signedIn().map(Account::getDisplayName).orElse("");
    }

    public String getRoles() {
        return signedIn().map(found -> found.getRoles().stream().map(Role::roleName).sorted()
                .collect(Collectors.joining(", "))).orElse("");
    }

    public boolean hasRole(String role) {
        return security.isCallerInRole(role);
    }
}
