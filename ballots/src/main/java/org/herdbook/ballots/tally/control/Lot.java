package org.herdbook.ballots.tally.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;

/**
 * The drawing of lots that breaks a tie nothing else breaks: a fixed, public and reproducible
 * order of the options, unknown to anyone before the manifest is fixed.
 *
 * <p>Each option's lot is {@code SHA-256(ASCII(manifestHash) || ":" || UTF-8(optionId))}, the
 * manifest hash being its base64url text. Lots compare as unsigned big-endian numbers; in a tie,
 * the option with the <em>lower</em> lot loses (is excluded first, or is not elected). Immutable.
 */
public final class Lot {

    private final Map<String, byte[]> lots = new HashMap<>();

    /**
     * @param manifestHash the manifest hash, base64url
     * @param optionIds every option id of the ballot
     */
    public Lot(String manifestHash, Collection<String> optionIds) {
        for (String id : optionIds) {
            lots.put(id, sha256((manifestHash + ":" + id).getBytes(StandardCharsets.UTF_8)));
        }
    }

    /** @return options ordered from the one that loses a tie to the one that wins it */
    public Comparator<String> loserFirst() {
        return (a, b) -> Arrays.compareUnsigned(lots.get(a), lots.get(b));
    }

    /** @return options ordered from the one that wins a tie to the one that loses it */
    public Comparator<String> winnerFirst() {
        return loserFirst().reversed();
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("Every Java platform must provide SHA-256", impossible);
        }
    }
}
