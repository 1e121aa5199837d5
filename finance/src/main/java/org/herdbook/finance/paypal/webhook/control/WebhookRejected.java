package org.herdbook.finance.paypal.webhook.control;

import java.util.Locale;

/** A webhook delivery that is not PayPal's, or not acceptable: nothing of it is stored or applied. */
public final class WebhookRejected extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why a delivery was refused. */
    public enum Reason {
        TOO_LARGE, MISSING_HEADERS, ALGORITHM, STALE, CERTIFICATE_HOST, CERTIFICATE, SIGNATURE, MALFORMED, NOT_CONFIGURED;

        public String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final Reason reason;

    public WebhookRejected(Reason reason, String detail) {
        super(reason.code() + (detail == null || detail.isEmpty() ? "" : ": " + detail), null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
