package org.herdbook.reports.publication.control;

/** A report operation refused by the workflow's rules; the boundary answers it in the caller's language. */
public class ReportRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why: each has a message {@code problem.report-<code>.*} in governance-web's bundle. */
    public enum Reason {
        /** Nothing published for that month (or version). */
        NOT_PUBLISHED("report-not-published"),
        /** Publishing needs a draft of the month. */
        NO_DRAFT("report-no-draft"),
        /** Figures of a month still open could change after publication. */
        MONTH_NOT_CLOSED("report-month-not-closed"),
        /** The month has not ended yet. */
        MONTH_NOT_OVER("report-month-not-over"),
        /** A published report never changes. */
        IMMUTABLE("report-immutable");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    private final Reason reason;

    public ReportRefused(Reason reason) {
        super(reason.code());
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
