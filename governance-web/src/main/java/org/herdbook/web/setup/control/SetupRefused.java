package org.herdbook.web.setup.control;

import java.util.List;

/** Setup was not done, and nothing was stored. {@link #messageKeys()} say why, for the person. */
public class SetupRefused extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why setup was refused; each maps to an HTTP status on the page. */
    public enum Reason {
        ALREADY_DONE(409),
        INVALID_TOKEN(403),
        INVALID_INPUT(400);

        private final int httpStatus;

        Reason(int httpStatus) {
            this.httpStatus = httpStatus;
        }

        public int httpStatus() {
            return httpStatus;
        }
    }

    private final Reason reason;
    private final List<String> messageKeys;

    public SetupRefused(Reason reason, List<String> messageKeys) {
        super(reason + " " + messageKeys);
        this.reason = reason;
        this.messageKeys = List.copyOf(messageKeys);
    }

    public Reason reason() {
        return reason;
    }

    public List<String> messageKeys() {
        return messageKeys;
    }
}
