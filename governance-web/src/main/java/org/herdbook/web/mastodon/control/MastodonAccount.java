package org.herdbook.web.mastodon.control;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * Who the instance says signed in ({@code GET /api/v1/accounts/verify_credentials}): the
 * account's stable id and its acct (user name, {@code user@domain} for remote accounts).
 */
public record MastodonAccount(String id, String acct) {

    public MastodonAccount {
        if (!isPlausibleId(id)) {
            throw new IllegalArgumentException("not a Mastodon account id");
        }
        if (!isPlausibleAcct(acct)) {
            throw new IllegalArgumentException("not a Mastodon acct");
        }
    }

    /** The account in a verify_credentials answer; refuses answers without a usable id and acct. */
    public static MastodonAccount fromJson(JsonObject json) {
        return new MastodonAccount(string(json, "id"), string(json, "acct"));
    }

    private static String string(JsonObject json, String name) {
        JsonValue value = json.get(name);
        if (value instanceof JsonString text) {
            return text.getString();
        }
        throw new IllegalArgumentException("no string " + name + " in the answer");
    }

    /** Mastodon ids are decimal snowflakes; other servers speaking the API use other short tokens. */
    static boolean isPlausibleId(String id) {
        return id != null && id.length() >= 1 && id.length() <= 64 && id.chars().allMatch(c -> c > 32 && c < 127);
    }

    static boolean isPlausibleAcct(String acct) {
        return acct != null && !acct.isBlank() && acct.length() <= 320
                && acct.codePoints().noneMatch(c -> Character.isISOControl(c) || Character.isWhitespace(c));
    }
}
