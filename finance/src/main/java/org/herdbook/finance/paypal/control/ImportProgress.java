package org.herdbook.finance.paypal.control;

/** Told how far an import has gone, for a person waiting on a large file. */
@FunctionalInterface
public interface ImportProgress {

    ImportProgress NONE = (done, total) -> { };

    /** {@code done} of {@code total} transactions stored so far. */
    void progressed(int done, int total);
}
