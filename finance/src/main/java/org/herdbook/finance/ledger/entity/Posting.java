package org.herdbook.finance.ledger.entity;

import java.util.Objects;
import org.herdbook.finance.money.Money;

/**
 * One line of a journal entry: an amount on an account, positive for a debit and negative for
 * a credit. Never zero.
 */
public record Posting(String accountCode, Money amount) {

    public Posting {
        Objects.requireNonNull(accountCode, "accountCode");
        Objects.requireNonNull(amount, "amount");
    }

    public static Posting debit(String accountCode, Money amount) {
        return new Posting(accountCode, amount);
    }

    public static Posting credit(String accountCode, Money amount) {
        return new Posting(accountCode, amount.negate());
    }

    public String getAccountCode() {
        return accountCode;
    }

    public Money getAmount() {
        return amount;
    }
}
