package org.herdbook.finance.paypal.activity;

import java.util.List;
import org.herdbook.finance.paypal.entity.ImportProblem;
import org.herdbook.finance.paypal.entity.PaypalLine;

/**
 * A parsed activity download: its balance-affecting lines, or the problems that make it
 * unusable. A file with any problem is rejected whole: {@link #lines()} is then empty.
 *
 * @param rows data rows read
 * @param lines the lines to book, in file order
 * @param skipped rows that move no money (memo rows, denied or cancelled payments)
 * @param problems the first problems found
 * @param problemCount how many problems were found
 */
public record ActivityFile(int rows, List<PaypalLine> lines, int skipped, List<ImportProblem> problems,
        int problemCount) {

    public ActivityFile {
        lines = List.copyOf(lines);
        problems = List.copyOf(problems);
    }

    public boolean acceptable() {
        return problemCount == 0;
    }
}
