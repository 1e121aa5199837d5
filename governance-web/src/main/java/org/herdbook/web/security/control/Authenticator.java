package org.herdbook.web.security.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.herdbook.web.account.control.Accounts;
import org.herdbook.web.account.entity.Account;

/** Checks an e-mail and password under the sign-in limits; shared by the sign-in page and the API. */
@ApplicationScoped
public class Authenticator {

    @Inject
    Accounts accounts;
    @Inject
    LoginThrottle throttle;

    /** What became of an attempt to sign in. */
    public sealed interface Outcome permits SignedIn, Refused, Unverified, Throttled {
    }

    public record SignedIn(Account account) implements Outcome {
    }

    /** Wrong e-mail or password: deliberately not saying which. */
    public record Refused() implements Outcome {
    }

    /** The right password for an address nobody has verified yet. */
    public record Unverified() implements Outcome {
    }

    public record Throttled(Duration retryAfter) implements Outcome {
        public long minutes() {
            return Math.max(1, (retryAfter.toSeconds() + 59) / 60);
        }
    }

    public Outcome signIn(String email, char[] password, String address) {
        Optional<Duration> wait = throttle.waitBeforeNextAttempt(email, address);
        if (wait.isPresent()) {
            return new Throttled(wait.get());
        }
        Optional<Account> account = accounts.authenticate(email, password);
        throttle.record(email, address, account.isPresent());
        if (account.isPresent() && !account.get().isEmailVerified()) {
            return new Unverified();
        }
        return account.filter(found -> !found.isClosed()).<Outcome>map(SignedIn::new).orElseGet(Refused::new);
    }
}
