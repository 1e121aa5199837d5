package org.herdbook.web.security.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.herdbook.web.account.control.Accounts;
import org.herdbook.web.account.entity.Account;
import org.herdbook.web.i18n.AccountLanguage;
import org.herdbook.web.i18n.Language;

/** The account the authentication mechanism loaded for this request, and its preferred language. */
@ApplicationScoped
public class SignedInLanguage implements AccountLanguage {

    @Inject
    Accounts accounts;

    @Override
    public Optional<Language> preferred(HttpServletRequest request) {
        return signedIn(request).map(Account::getPreferredLanguage);
    }

    @Override
    public void prefer(HttpServletRequest request, Language language) {
        signedIn(request).filter(account -> account.getPreferredLanguage() != language)
                .ifPresent(account -> accounts.changeLanguage(account.getId(), language));
    }

    private static Optional<Account> signedIn(HttpServletRequest request) {
        return request.getAttribute(HerdbookAuthentication.REQUEST_ACCOUNT) instanceof Account account
                ? Optional.of(account) : Optional.empty();
    }
}
