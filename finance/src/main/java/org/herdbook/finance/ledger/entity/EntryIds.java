package org.herdbook.finance.ledger.entity;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Identifiers for journal entries: UUID version 7 (RFC 9562), milliseconds first, then random
 * bits. Entries booked together get neighbouring ids, so a bulk import appends to the indexes
 * instead of writing all over them; the ids are still unguessable enough for URLs.
 */
public final class EntryIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private EntryIds() {
    }

    public static UUID next() {
        long millis = System.currentTimeMillis();
        long high = (millis << 16) | 0x7000L | (RANDOM.nextInt() & 0x0fffL);
        long low = (RANDOM.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(high, low);
    }
}
