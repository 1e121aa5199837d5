package org.herdbook.finance.paypal.entity;

import java.util.List;
import java.util.UUID;

/**
 * What an import did: either everything (every new transaction booked once) or, when any
 * problem was found, nothing at all and the list of problems.
 *
 * @param id the import's id
 * @param imported whether anything was stored; false means rejected as a whole
 * @param rows data rows read
 * @param newLines transactions not seen before
 * @param duplicates transactions already imported (from this file or an earlier one), left alone
 * @param booked new ledger entries
 * @param skipped rows that move no money (memos, denied payments), listed but not booked
 * @param problems why the file was rejected (at most {@value #MAX_PROBLEMS}; {@code problemCount} counts all)
 * @param problemCount how many problems were found
 */
public record ImportReport(UUID id, boolean imported, int rows, int newLines, int duplicates, int booked, int skipped,
        List<ImportProblem> problems, int problemCount) {

    /** More problems than this are counted but not listed. */
    public static final int MAX_PROBLEMS = 100;

    public ImportReport {
        problems = List.copyOf(problems);
    }
}
