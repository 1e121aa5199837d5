package org.herdbook.finance.paypal.activity;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The columns of a PayPal "Activity download" that the books read, with the headers PayPal
 * writes for them in English and in French. Other columns are ignored.
 */
enum ActivityColumn {
    DATE(true, List.of("Date"), List.of("Date")),
    TIME(true, List.of("Time"), List.of("Heure")),
    TIME_ZONE(true, List.of("TimeZone", "Time Zone"), List.of("Fuseau horaire")),
    NAME(false, List.of("Name"), List.of("Nom")),
    TYPE(true, List.of("Type"), List.of("Type")),
    STATUS(true, List.of("Status"), List.of("État", "Etat", "Statut")),
    CURRENCY(true, List.of("Currency"), List.of("Devise")),
    GROSS(true, List.of("Gross"), List.of("Brut", "Avant commission")),
    FEE(true, List.of("Fee"), List.of("Frais", "Commission")),
    NET(true, List.of("Net"), List.of("Net")),
    FROM_EMAIL(false, List.of("From Email Address"), List.of("De l'adresse email", "De l'adresse e-mail",
            "Adresse email de l'expéditeur")),
    TRANSACTION_ID(true, List.of("Transaction ID"), List.of("Numéro de transaction", "N° de transaction",
            "Code de transaction")),
    REFERENCE_TRANSACTION_ID(false, List.of("Reference Txn ID"), List.of("Numéro de la transaction de référence",
            "N° de transaction de référence", "Numéro de transaction de référence")),
    BALANCE_IMPACT(false, List.of("Balance Impact"), List.of("Impact sur le solde"));

    private static final Map<String, ActivityColumn> ENGLISH = new HashMap<>();
    private static final Map<String, ActivityColumn> FRENCH = new HashMap<>();
    private static final Pattern SPACES = Pattern.compile("\\s+");
    /** Labels repeat on every row: normalize each distinct one once. */
    private static final Map<String, String> NORMALIZED = new ConcurrentHashMap<>();

    static {
        for (ActivityColumn column : values()) {
            column.english.forEach(header -> ENGLISH.put(normalize(header), column));
            column.french.forEach(header -> FRENCH.put(normalize(header), column));
        }
    }

    private final boolean required;
    private final List<String> english;
    private final List<String> french;

    ActivityColumn(boolean required, List<String> english, List<String> french) {
        this.required = required;
        this.english = english;
        this.french = french;
    }

    boolean required() {
        return required;
    }

    /** The header as PayPal writes it in English, then in French, for messages: "Gross / Brut". */
    String label() {
        return english.get(0).equals(french.get(0)) ? english.get(0) : english.get(0) + " / " + french.get(0);
    }

    static Optional<ActivityColumn> english(String header) {
        return Optional.ofNullable(ENGLISH.get(normalize(header)));
    }

    static Optional<ActivityColumn> french(String header) {
        return Optional.ofNullable(FRENCH.get(normalize(header)));
    }


    /** Case, accents' composition, typographic apostrophes and stray spaces do not matter. */
    static String normalize(String text) {
        if (text.length() > 200) {
            return compute(text);
        }
        if (NORMALIZED.size() > 10_000) {
            NORMALIZED.clear();
        }
        return NORMALIZED.computeIfAbsent(text, ActivityColumn::compute);
    }

    private static String compute(String text) {
        String composed = Normalizer.normalize(text, Normalizer.Form.NFC).replace('\u2019', '\'').replace('\u00a0', ' ')
                .replace("\ufeff", "").strip();
        return SPACES.matcher(composed).replaceAll(" ").toLowerCase(Locale.ROOT);
    }
}
