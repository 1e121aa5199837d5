package org.herdbook.web.mastodon.control;

/**
 * How a flow ended, as the callback reports it to the browser.
 *
 * @param linking true when a signed-in person was linking (they go back to their account page)
 * @param acct the Mastodon acct the instance confirmed, when it got that far (shown escaped)
 * @param next where a signed-in person continues (a local path)
 */
public record Outcome(Kind kind, boolean linking, String acct, String instanceHost, String next) {

    /** Each ending with its HTTP status and the message explaining it ({@code mastodon.outcome.*}). */
    public enum Kind {
        SIGNED_IN(302, null),
        LINKED(302, null),
        /** The person chose not to allow Herdbook at the instance: nothing went wrong. */
        DENIED(200, "mastodon.outcome.denied"),
        /** No flow in this session, another flow's state, a replay, or too late. */
        STATE_MISMATCH(400, "mastodon.outcome.state-mismatch"),
        /** The token endpoint refused the code: wrong PKCE verifier, code used or expired. */
        GRANT_REFUSED(400, "mastodon.outcome.grant-refused"),
        /** The instance sent the browser back with another error, or without a code. */
        FAILED(400, "mastodon.outcome.failed"),
        /** Confirmed by the instance, but no Herdbook account is linked to it. */
        NOT_LINKED(401, "mastodon.outcome.not-linked"),
        LINKED_TO_ANOTHER_ACCOUNT(409, "mastodon.outcome.linked-to-another-account"),
        ACCOUNT_HAS_ANOTHER_LINK(409, "mastodon.outcome.account-has-another-link"),
        UNREACHABLE(502, "mastodon.outcome.unreachable");

        private final int status;
        private final String messageKey;

        Kind(int status, String messageKey) {
            this.status = status;
            this.messageKey = messageKey;
        }

        public int status() {
            return status;
        }

        public String messageKey() {
            return messageKey;
        }
    }

    public static Outcome of(Kind kind, String instanceHost) {
        return new Outcome(kind, false, null, instanceHost, null);
    }

    public static Outcome of(Kind kind, PendingFlow flow, String instanceHost) {
        return new Outcome(kind, flow.intent() == PendingFlow.Intent.LINK, null, instanceHost, null);
    }
}
