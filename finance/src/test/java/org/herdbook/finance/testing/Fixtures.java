package org.herdbook.finance.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** The synthetic activity downloads under {@code src/test/resources}. */
public final class Fixtures {

    private Fixtures() {
    }

    public static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/org/herdbook/finance/paypal/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8).replace("\ufeff", "");
    }

    /** The English fixture's header followed by {@code rows}, each a full CSV line. */
    public static byte[] englishWith(String... rows) {
        String header = text("activity-en.csv").lines().findFirst().orElseThrow();
        return (header + "\r\n" + String.join("\r\n", rows) + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    /** An English row with the default columns: most left empty. */
    public static String englishRow(String date, String type, String status, String currency, String gross, String fee,
            String net, String transactionId, String reference) {
        String[] fields = new String[41];
        java.util.Arrays.fill(fields, "");
        fields[0] = date;
        fields[1] = "12:00:00";
        fields[2] = "CDT";
        fields[3] = "Someone";
        fields[4] = type;
        fields[5] = status;
        fields[6] = currency;
        fields[7] = gross;
        fields[8] = fee;
        fields[9] = net;
        fields[12] = transactionId;
        fields[24] = reference;
        fields[40] = gross.startsWith("-") ? "Debit" : "Credit";
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            line.append(i == 0 ? "" : ",").append('"').append(fields[i].replace("\"", "\"\"")).append('"');
        }
        return line.toString();
    }
}
