package org.herdbook.web.mastodon.control;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A sign-in or link started in one browser session and not yet answered by the instance. Kept
 * in that session only; the callback removes it before looking at anything else (single use).
 *
 * @param accountId the signed-in account that asked to link, null for a sign-in
 * @param next where to go after signing in (checked again with {@code safeNext} at the end)
 */
public record PendingFlow(Intent intent, String instance, String state, String codeVerifier, UUID accountId,
        String next, Instant startedAt) implements Serializable {

    /** How long the person has to approve at the instance. */
    public static final Duration LIFETIME = Duration.ofMinutes(10);

    /** Why the flow was started. */
    public enum Intent {
        SIGN_IN, LINK
    }

    public PendingFlow {
        Objects.requireNonNull(intent, "intent");
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(codeVerifier, "codeVerifier");
        Objects.requireNonNull(startedAt, "startedAt");
        if (intent == Intent.LINK) {
            Objects.requireNonNull(accountId, "a link belongs to a signed-in account");
        }
    }

    public static PendingFlow start(Intent intent, InstanceUrl instance, UUID accountId, String next, Instant now) {
        return new PendingFlow(intent, instance.origin(), Pkce.newState(), Pkce.newVerifier(), accountId, next, now);
    }

    /** True when {@code answeredState} is this flow's state, for this instance, within its lifetime. */
    public boolean isAnsweredBy(String answeredState, InstanceUrl configured, Instant now) {
        return answeredState != null
                && MessageDigest.isEqual(state.getBytes(StandardCharsets.US_ASCII), answeredState.getBytes(StandardCharsets.UTF_8))
                && instance.equals(configured.origin())
                && !now.isBefore(startedAt) && now.isBefore(startedAt.plus(LIFETIME));
    }

    public String codeChallenge() {
        return Pkce.challengeOf(codeVerifier);
    }

    /** Never print the verifier or the state. */
    @Override
    public String toString() {
        return "PendingFlow[" + intent + " at " + instance + ", started " + startedAt + "]";
    }
}
