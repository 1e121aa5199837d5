package org.herdbook.web.privacy.control;

import java.util.UUID;

/**
 * Fired inside the transaction that closes an account, before its personal data is replaced:
 * components holding personal data of their own (a linked Mastodon account...) erase it.
 */
public record AccountClosing(UUID account) {
}
