package org.herdbook.web.finance.control;

import java.util.UUID;
import org.herdbook.finance.paypal.entity.ImportReport;

/** One background import: how far it has gone, then its report or why it failed. */
public final class ImportJob {

    private final UUID id;
    private final String owner;
    private final String fileName;
    private volatile int done;
    private volatile int total;
    private volatile ImportReport report;
    private volatile String failureKey;
    private volatile Object[] failureArguments = new Object[0];

    ImportJob(UUID id, String owner, String fileName) {
        this.id = id;
        this.owner = owner;
        this.fileName = fileName;
    }

    void progressed(int done, int total) {
        this.done = done;
        this.total = total;
    }

    void finish(ImportReport report) {
        this.report = report;
    }

    void fail(String key, Object... arguments) {
        this.failureArguments = arguments.clone();
        this.failureKey = key;
    }

    public UUID id() {
        return id;
    }

    public String owner() {
        return owner;
    }

    public String fileName() {
        return fileName;
    }

    public boolean finished() {
        return report != null || failureKey != null;
    }

    public Object[] failureArguments() {
        return failureArguments.clone();
    }

    /**
     * The job as it stands at one instant, so that a page rendering it (headers first, body
     * later) never sees it still running in one place and finished in another.
     */
    public State state() {
        String key = failureKey;
        Object[] arguments = failureArguments();
        ImportReport finished = report;
        return new State(fileName, done, total, finished, key, arguments);
    }

    /** An immutable snapshot of a job; see {@link #state()}. */
    public record State(String fileName, int done, int total, ImportReport report, String failureKey,
            Object[] failureArguments) {

        public boolean finished() {
            return report != null || failureKey != null;
        }

        /** Percentage stored so far (0 while the file is being read). */
        public int percent() {
            return total == 0 ? 0 : (int) (100L * done / total);
        }
    }
}
