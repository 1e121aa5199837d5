package org.herdbook.web.membership.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.herdbook.web.i18n.Language;
import org.herdbook.web.i18n.Messages;

/**
 * The member directory as CSV (RFC 4180, UTF-8), headers in the reader's language, codes as in the
 * API. A cell that a spreadsheet would run as a formula (starting with {@code = + - @}, a tab or a
 * carriage return) is prefixed with an apostrophe.
 */
@ApplicationScoped
public class DirectoryCsv {

    private static final List<String> COLUMNS = List.of("id", "name", "email", "class", "standing", "standing-since",
            "member-since", "paid-until", "review-on");

    @Inject
    Messages messages;

    public String write(List<Memberships.DirectoryEntry> entries, Language language) {
        StringWriter out = new StringWriter();
        String[] header = COLUMNS.stream().map(column -> messages.get(language, "csv.members." + column))
                .toArray(String[]::new);
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(header).get())) {
            for (Memberships.DirectoryEntry entry : entries) {
                printer.printRecord(entry.id(), neutral(entry.displayName()), neutral(entry.email()),
                        entry.memberClass().code(), entry.standing().code(), day(entry.standingSince()),
                        day(entry.memberSince()), day(entry.paidUntil()), day(entry.reviewOn()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static String neutral(String cell) {
        if (cell != null && !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
            return "'" + cell;
        }
        return cell;
    }

    private static String day(Optional<LocalDate> day) {
        return day.map(LocalDate::toString).orElse("");
    }
}
