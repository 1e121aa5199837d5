package org.herdbook.finance.paypal.entity;

import java.util.List;

/**
 * Why a file (line 0) or one of its lines was rejected: a message key of the finance bundle
 * ({@code finance.import.problem.<code>}) and its arguments.
 *
 * @param line the file's line number, 1 being the header; 0 for the file as a whole
 * @param code the kind of problem, such as {@code unknown-type}
 * @param arguments what the message shows ({0}, {1} ...)
 */
public record ImportProblem(int line, String code, List<String> arguments) {

    public ImportProblem {
        arguments = List.copyOf(arguments);
    }

    public static ImportProblem ofFile(String code, String... arguments) {
        return new ImportProblem(0, code, List.of(arguments));
    }

    public static ImportProblem ofLine(int line, String code, String... arguments) {
        return new ImportProblem(line, code, List.of(arguments));
    }

    public String messageKey() {
        return "finance.import.problem." + code;
    }
}
