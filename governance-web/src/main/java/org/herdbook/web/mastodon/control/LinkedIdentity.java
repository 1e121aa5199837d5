package org.herdbook.web.mastodon.control;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A Mastodon account linked to a Herdbook account, as other components see it. */
public record LinkedIdentity(UUID accountId, String instance, String mastodonId, String acct, OffsetDateTime linkedAt) {
}
