package org.herdbook.finance.paypal.activity;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.herdbook.finance.money.Money;
import org.herdbook.finance.paypal.entity.ImportProblem;
import org.herdbook.finance.paypal.entity.LineKind;
import org.herdbook.finance.paypal.entity.PaypalLine;

/**
 * Reads a PayPal "Activity download" CSV (balance-affecting transactions, default columns) in
 * English or French, with Apache Commons CSV.
 *
 * <p>What it accepts: UTF-8 (with or without a byte-order mark) or UTF-16 with a byte-order mark;
 * comma- or semicolon-separated; English headers with decimal points and comma grouping, or
 * French headers with decimal commas and space, U+00A0 or U+202F grouping; dates as
 * {@code yyyy-MM-dd}, {@code dd.MM.yyyy} or with slashes (day or month first, decided for the
 * whole file from the dates themselves, else by the file's language); time zones as PayPal
 * writes them (PST, PDT, HNE, CET, GMT+01:00, Europe/Paris ...).
 *
 * <p>It never guesses: an unknown transaction type or status, a missing column, a broken
 * quote, a net that is not gross plus fee, makes the file rejected with every reason found.
 */
public final class ActivityCsv {

    private static final int MAX_PROBLEMS = org.herdbook.finance.paypal.entity.ImportReport.MAX_PROBLEMS;
    private static final Pattern SLASHED = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{2}|\\d{4})");
    private static final Pattern ISO = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern DOTTED = Pattern.compile("(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})");
    private static final Pattern OFFSET = Pattern.compile("(?:GMT|UTC)\\s*([+-])\\s*(\\d{1,2})(?::?(\\d{2}))?");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm[:ss]", Locale.ROOT);
    private static final Map<String, ZoneOffset> ZONE_ABBREVIATIONS = new HashMap<>();
    private static final Set<String> BOOKED_STATUSES = Set.of("completed", "pending", "refunded", "partially refunded",
            "reversed", "cleared", "held", "terminé", "termine", "complété", "en attente", "remboursé",
            "partiellement remboursé", "annulé", "effectué", "compensé", "en réserve");
    private static final Set<String> SKIPPED_STATUSES = Set.of("denied", "failed", "canceled", "cancelled", "voided",
            "expired", "refusé", "échoué", "expiré", "supprimé");
    private static final Set<String> MEMO_IMPACTS = Set.of("memo", "mémo", "pour information", "note");

    static {
        zones(-8, "PST", "HNP");
        zones(-7, "PDT", "HAP", "MST", "HNR");
        zones(-6, "MDT", "HAR", "CST", "HNC");
        zones(-5, "CDT", "HAC", "EST", "HNE");
        zones(-4, "EDT", "HAE", "AST", "HNA");
        zones(-3, "ADT", "HAA");
        zones(0, "GMT", "UTC", "UT", "Z", "WET");
        zones(1, "CET", "HNEC", "BST", "WEST", "IST");
        zones(2, "CEST", "HAEC", "EET");
        zones(3, "EEST");
        ZONE_ABBREVIATIONS.put("NST", ZoneOffset.ofHoursMinutes(-3, -30));
        ZONE_ABBREVIATIONS.put("HNT", ZoneOffset.ofHoursMinutes(-3, -30));
        ZONE_ABBREVIATIONS.put("NDT", ZoneOffset.ofHoursMinutes(-2, -30));
        ZONE_ABBREVIATIONS.put("HAT", ZoneOffset.ofHoursMinutes(-2, -30));
    }

    private ActivityCsv() {
    }

    private static void zones(int hours, String... names) {
        for (String name : names) {
            ZONE_ABBREVIATIONS.put(name, ZoneOffset.ofHours(hours));
        }
    }

    /** One data row, read but with its date not yet resolved (the day/month order is decided per file). */
    private record Row(int number, String date, String time, String zone, LineKind kind, String type, String status,
            Money gross, Money fee, Money net, String transactionId, String reference, String counterparty) {
    }

    private static final class Problems {
        final List<ImportProblem> listed = new ArrayList<>();
        int count;

        void add(ImportProblem problem) {
            count++;
            if (listed.size() < MAX_PROBLEMS) {
                listed.add(problem);
            }
        }
    }

    /** Parses {@code content}, the bytes of the file as uploaded. */
    public static ActivityFile parse(byte[] content) {
        Problems problems = new Problems();
        Optional<String> text = decode(content, problems);
        if (text.isEmpty()) {
            return rejected(0, problems);
        }
        if (text.get().isBlank()) {
            problems.add(ImportProblem.ofFile("empty"));
            return rejected(0, problems);
        }
        char delimiter = delimiterOf(text.get());
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true).get();
        List<Row> rows = new ArrayList<>();
        int rowCount = 0;
        int skipped = 0;
        boolean french;
        try (Reader reader = new StringReader(text.get()); CSVParser parser = CSVParser.parse(reader, format)) {
            Iterator<CSVRecord> records = parser.iterator();
            CSVRecord header = records.next();
            Map<ActivityColumn, Integer> columns = new EnumMap<>(ActivityColumn.class);
            french = readHeader(header, columns);
            List<String> missing = new ArrayList<>();
            for (ActivityColumn column : ActivityColumn.values()) {
                if (column.required() && !columns.containsKey(column)) {
                    missing.add(column.label());
                }
            }
            if (!missing.isEmpty()) {
                problems.add(ImportProblem.ofFile("missing-columns", String.join(", ", missing)));
                return rejected(0, problems);
            }
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException broken) {
                    problems.add(ImportProblem.ofLine((int) parser.getCurrentLineNumber(), "broken-quoting"));
                    return rejected(rowCount, problems);
                }
                rowCount++;
                int line = (int) record.getRecordNumber();
                if (record.size() != header.size()) {
                    problems.add(ImportProblem.ofLine(line, "wrong-field-count", Integer.toString(record.size()),
                            Integer.toString(header.size())));
                    continue;
                }
                Row row = readRow(record, line, columns, french, problems);
                if (row == null) {
                    continue;
                }
                if (row.kind == null) {
                    skipped++;
                } else {
                    rows.add(row);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            problems.add(ImportProblem.ofFile("broken-quoting"));
            return rejected(rowCount, problems);
        }
        if (rowCount == 0) {
            problems.add(ImportProblem.ofFile("no-rows"));
        }
        boolean dayFirst = dayFirst(rows, french, problems);
        List<PaypalLine> lines = new ArrayList<>(rows.size());
        for (Row row : rows) {
            Optional<Instant> when = instant(row, dayFirst, problems);
            when.ifPresent(instant -> lines.add(new PaypalLine(row.transactionId, instant, row.kind, row.type, row.status,
                    row.gross, row.fee, row.net, row.reference, row.counterparty)));
        }
        if (problems.count > 0) {
            return rejected(rowCount, problems);
        }
        return new ActivityFile(rowCount, lines, skipped, List.of(), 0);
    }

    private static ActivityFile rejected(int rows, Problems problems) {
        return new ActivityFile(rows, List.of(), 0, problems.listed, problems.count);
    }

    private static Optional<String> decode(byte[] content, Problems problems) {
        Charset charset = StandardCharsets.UTF_8;
        int offset = 0;
        if (content.length >= 3 && (content[0] & 0xff) == 0xef && (content[1] & 0xff) == 0xbb && (content[2] & 0xff) == 0xbf) {
            offset = 3;
        } else if (content.length >= 2 && (content[0] & 0xff) == 0xff && (content[1] & 0xff) == 0xfe) {
            charset = StandardCharsets.UTF_16LE;
            offset = 2;
        } else if (content.length >= 2 && (content[0] & 0xff) == 0xfe && (content[1] & 0xff) == 0xff) {
            charset = StandardCharsets.UTF_16BE;
            offset = 2;
        }
        try {
            return Optional.of(charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content, offset, content.length - offset)).toString());
        } catch (CharacterCodingException e) {
            problems.add(ImportProblem.ofFile("encoding"));
            return Optional.empty();
        }
    }

    private static char delimiterOf(String text) {
        int end = text.indexOf('\n');
        String firstLine = end < 0 ? text : text.substring(0, end);
        long commas = firstLine.chars().filter(c -> c == ',').count();
        long semicolons = firstLine.chars().filter(c -> c == ';').count();
        return semicolons > commas ? ';' : ',';
    }

    /** Maps the header's columns; returns whether the file is in French (any French-only header). */
    private static boolean readHeader(CSVRecord header, Map<ActivityColumn, Integer> columns) {
        int french = 0;
        int english = 0;
        for (String name : header) {
            Optional<ActivityColumn> en = ActivityColumn.english(name);
            Optional<ActivityColumn> fr = ActivityColumn.french(name);
            if (en.isPresent() && fr.isEmpty()) {
                english++;
            } else if (fr.isPresent() && en.isEmpty()) {
                french++;
            }
        }
        boolean isFrench = french > english;
        for (int index = 0; index < header.size(); index++) {
            String name = header.get(index);
            Optional<ActivityColumn> column = isFrench ? ActivityColumn.french(name) : ActivityColumn.english(name);
            int at = index;
            column.ifPresent(found -> columns.putIfAbsent(found, at));
        }
        return isFrench;
    }

    private static Row readRow(CSVRecord record, int line, Map<ActivityColumn, Integer> columns, boolean french,
            Problems problems) {
        int before = problems.count;
        String impact = value(record, columns, ActivityColumn.BALANCE_IMPACT);
        String status = value(record, columns, ActivityColumn.STATUS);
        String normalizedStatus = ActivityColumn.normalize(status);
        boolean memo = impact != null && MEMO_IMPACTS.contains(ActivityColumn.normalize(impact));
        if (!BOOKED_STATUSES.contains(normalizedStatus) && !SKIPPED_STATUSES.contains(normalizedStatus)) {
            problems.add(ImportProblem.ofLine(line, "unknown-status", status));
        }
        String transactionId = value(record, columns, ActivityColumn.TRANSACTION_ID);
        if (transactionId == null || transactionId.isBlank() || transactionId.length() > 64) {
            problems.add(ImportProblem.ofLine(line, "missing-transaction-id"));
        }
        String type = value(record, columns, ActivityColumn.TYPE);
        Optional<LineKind> kind = ActivityTypes.of(type == null ? "" : type);
        if (kind.isEmpty() && !memo) {
            problems.add(ImportProblem.ofLine(line, "unknown-type", type == null ? "" : type));
        }
        String code = value(record, columns, ActivityColumn.CURRENCY);
        Currency currency = null;
        try {
            currency = Currency.getInstance(code == null ? "" : code.strip());
            if (currency.getDefaultFractionDigits() < 0) {
                throw new IllegalArgumentException(code);
            }
        } catch (IllegalArgumentException e) {
            problems.add(ImportProblem.ofLine(line, "unknown-currency", code == null ? "" : code));
            currency = null;
        }
        Money gross = null;
        Money fee = null;
        Money net = null;
        if (currency != null) {
            gross = amount(record, columns, ActivityColumn.GROSS, currency, french, line, problems);
            fee = amount(record, columns, ActivityColumn.FEE, currency, french, line, problems);
            net = amount(record, columns, ActivityColumn.NET, currency, french, line, problems);
            if (gross != null && fee != null && net != null && !gross.plus(fee).equals(net)) {
                problems.add(ImportProblem.ofLine(line, "net-mismatch", gross.getAmount().toPlainString(),
                        fee.getAmount().toPlainString(), net.getAmount().toPlainString()));
            }
        }
        if (problems.count > before) {
            return null;
        }
        boolean skip = memo || SKIPPED_STATUSES.contains(normalizedStatus) || (net.isZero() && gross.isZero());
        String counterparty = Optional.ofNullable(value(record, columns, ActivityColumn.NAME)).filter(s -> !s.isBlank())
                .orElse(value(record, columns, ActivityColumn.FROM_EMAIL));
        String reference = value(record, columns, ActivityColumn.REFERENCE_TRANSACTION_ID);
        return new Row(line, value(record, columns, ActivityColumn.DATE), value(record, columns, ActivityColumn.TIME),
                value(record, columns, ActivityColumn.TIME_ZONE), skip ? null : kind.orElse(null), type, status,
                gross, fee, net, transactionId.strip(), reference == null || reference.isBlank() ? null : reference.strip(),
                counterparty == null || counterparty.isBlank() ? null : counterparty.strip());
    }

    private static String value(CSVRecord record, Map<ActivityColumn, Integer> columns, ActivityColumn column) {
        Integer index = columns.get(column);
        return index == null ? null : record.get(index);
    }

    private static Money amount(CSVRecord record, Map<ActivityColumn, Integer> columns, ActivityColumn column,
            Currency currency, boolean french, int line, Problems problems) {
        String raw = value(record, columns, column);
        try {
            return Money.of(decimal(raw, french), currency);
        } catch (IllegalArgumentException | ArithmeticException | NullPointerException e) {
            problems.add(ImportProblem.ofLine(line, "bad-amount", column.label(), raw == null ? "" : raw));
            return null;
        }
    }

    /**
     * English: 1,234.56; French: 1 234,56 (space, U+00A0 or U+202F between thousands). Empty is zero.
     * What is left once the grouping is dropped must be a plain decimal ({@code [-+]?\d+(\.\d+)?}).
     * One pass over the characters, without regular expressions or intermediate strings: a
     * 100,000-row file has 300,000 amounts.
     */
    static BigDecimal decimal(String raw, boolean french) {
        String text = raw.strip();
        char[] plain = new char[text.length()];
        int length = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u00a0' || c == '\u202f' || c == ' ' || c == (french ? '.' : ',')) {
                continue;
            }
            plain[length++] = french && c == ',' ? '.' : c;
        }
        if (length == 0) {
            return BigDecimal.ZERO;
        }
        if (!plainDecimal(plain, length)) {
            throw new IllegalArgumentException(raw);
        }
        return new BigDecimal(plain, 0, length);
    }

    /** Whether {@code text[0, length)} is an optional sign, digits, and optionally a point and digits. */
    private static boolean plainDecimal(char[] text, int length) {
        int i = text[0] == '-' || text[0] == '+' ? 1 : 0;
        int digits = i;
        while (i < length && text[i] >= '0' && text[i] <= '9') {
            i++;
        }
        if (i == digits) {
            return false;
        }
        if (i == length) {
            return true;
        }
        if (text[i] != '.') {
            return false;
        }
        int fraction = ++i;
        while (i < length && text[i] >= '0' && text[i] <= '9') {
            i++;
        }
        return i > fraction && i == length;
    }

    /** Day first unless the file's slashed dates show otherwise; French files default to day first. */
    private static boolean dayFirst(List<Row> rows, boolean french, Problems problems) {
        boolean firstAbove12 = false;
        boolean secondAbove12 = false;
        for (Row row : rows) {
            Matcher slashed = SLASHED.matcher(row.date == null ? "" : row.date.strip());
            if (slashed.matches()) {
                firstAbove12 |= Integer.parseInt(slashed.group(1)) > 12;
                secondAbove12 |= Integer.parseInt(slashed.group(2)) > 12;
            }
        }
        if (firstAbove12 && secondAbove12) {
            problems.add(ImportProblem.ofFile("mixed-date-formats"));
        }
        if (firstAbove12) {
            return true;
        }
        if (secondAbove12) {
            return false;
        }
        return french;
    }

    private static Optional<Instant> instant(Row row, boolean dayFirst, Problems problems) {
        LocalDate date;
        LocalTime time;
        try {
            date = date(row.date == null ? "" : row.date.strip(), dayFirst);
            time = LocalTime.parse(row.time == null ? "" : row.time.strip(), TIME);
        } catch (DateTimeException | NumberFormatException e) {
            problems.add(ImportProblem.ofLine(row.number, "bad-date", String.valueOf(row.date), String.valueOf(row.time)));
            return Optional.empty();
        }
        Optional<ZoneId> zone = zone(row.zone == null ? "" : row.zone.strip());
        if (zone.isEmpty()) {
            problems.add(ImportProblem.ofLine(row.number, "bad-time-zone", String.valueOf(row.zone)));
            return Optional.empty();
        }
        return Optional.of(date.atTime(time).atZone(zone.get()).toInstant());
    }

    private static LocalDate date(String text, boolean dayFirst) {
        if (ISO.matcher(text).matches()) {
            return LocalDate.parse(text);
        }
        Matcher dotted = DOTTED.matcher(text);
        if (dotted.matches()) {
            return LocalDate.of(Integer.parseInt(dotted.group(3)), Integer.parseInt(dotted.group(2)),
                    Integer.parseInt(dotted.group(1)));
        }
        Matcher slashed = SLASHED.matcher(text);
        if (slashed.matches()) {
            int year = Integer.parseInt(slashed.group(3));
            year = year < 100 ? 2000 + year : year;
            int first = Integer.parseInt(slashed.group(1));
            int second = Integer.parseInt(slashed.group(2));
            return dayFirst ? LocalDate.of(year, second, first) : LocalDate.of(year, first, second);
        }
        throw new DateTimeException(text);
    }

    static Optional<ZoneId> zone(String text) {
        ZoneOffset abbreviation = ZONE_ABBREVIATIONS.get(text.toUpperCase(Locale.ROOT));
        if (abbreviation != null) {
            return Optional.of(abbreviation);
        }
        Matcher offset = OFFSET.matcher(text.toUpperCase(Locale.ROOT));
        if (offset.matches()) {
            int hours = Integer.parseInt(offset.group(2));
            int minutes = offset.group(3) == null ? 0 : Integer.parseInt(offset.group(3));
            int sign = "-".equals(offset.group(1)) ? -1 : 1;
            try {
                return Optional.of(ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes));
            } catch (DateTimeException e) {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(ZoneId.of(text));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
