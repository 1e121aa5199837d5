package org.herdbook.finance.paypal.control;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.herdbook.finance.ledger.entity.AccountPurpose;
import org.herdbook.finance.ledger.entity.EntryIds;
import org.herdbook.finance.ledger.entity.EntrySource;
import org.herdbook.finance.ledger.entity.NewEntry;
import org.herdbook.finance.ledger.entity.Posting;
import org.herdbook.finance.money.Money;
import org.herdbook.finance.paypal.entity.LineKind;
import org.herdbook.finance.paypal.entity.PaypalLine;

/**
 * How a PayPal transaction is booked: the PayPal balance moves by the net, the fee account by
 * the fee, and the counter-account by the gross, so that gross, fee and net each stay visible
 * and the entry balances in the transaction's currency.
 *
 * <p>The counter-account follows the kind: dues for subscription payments, donations for
 * donation and website payments, other income or other expenses for general payments, the
 * currency-conversion account for conversions, the bank for withdrawals, funds on hold for
 * holds and releases, and for refunds and reversals the account the original payment was booked
 * on (found through the reference transaction id).
 */
public final class PaypalBooking {

    /** Account codes by purpose, read once from the chart. */
    private final Map<String, String> accounts;
    private final ZoneId zone;

    public PaypalBooking(Map<String, String> accountsByPurpose, ZoneId zone) {
        this.accounts = Map.copyOf(accountsByPurpose);
        this.zone = zone;
    }

    /** The account a payment of this kind is booked on when nothing refers elsewhere. */
    public String counterAccount(PaypalLine line) {
        return account(switch (line.kind()) {
            case SUBSCRIPTION_PAYMENT -> AccountPurpose.DUES;
            case DONATION, WEBSITE_PAYMENT -> AccountPurpose.DONATIONS;
            case GENERAL_PAYMENT -> line.gross().isNegative() ? AccountPurpose.OTHER_EXPENSE : AccountPurpose.OTHER_INCOME;
            case REFUND, REVERSAL -> AccountPurpose.OTHER_INCOME;
            case CURRENCY_CONVERSION -> AccountPurpose.CONVERSION;
            case WITHDRAWAL -> AccountPurpose.BANK;
            case HOLD, RELEASE -> AccountPurpose.PAYPAL_HELD;
        });
    }

    /**
     * The entry for {@code line}.
     *
     * @param originalAccount for a refund or reversal, the account the original was booked on, or null
     * @param exchangeRate for a conversion, the rate PayPal applied, or null
     */
    public NewEntry entryFor(PaypalLine line, String originalAccount, BigDecimal exchangeRate) {
        String counter = (line.kind() == LineKind.REFUND || line.kind() == LineKind.REVERSAL) && originalAccount != null
                ? originalAccount : counterAccount(line);
        List<Posting> postings = new ArrayList<>(3);
        add(postings, account(AccountPurpose.PAYPAL), line.net());
        add(postings, account(AccountPurpose.FEES), line.fee().negate());
        add(postings, counter, line.gross().negate());
        String description = line.typeLabel() + (line.counterparty() == null ? "" : " — " + line.counterparty());
        if (description.length() > 500) {
            description = description.substring(0, 500);
        }
        return new NewEntry(EntryIds.next(), line.occurredAt().atZone(zone).toLocalDate(), line.occurredAt(),
                description, EntrySource.PAYPAL, line.transactionId(), null, exchangeRate, postings);
    }

    /**
     * The rate of a conversion from {@code from} (the amount that left, negative) to {@code to}
     * (the amount that arrived): units of {@code to}'s currency per unit of {@code from}'s.
     */
    public static BigDecimal rate(Money from, Money to) {
        return to.getAmount().abs().divide(from.getAmount().abs(), 8, RoundingMode.HALF_EVEN).stripTrailingZeros();
    }

    private String account(String purpose) {
        String code = accounts.get(purpose);
        if (code == null) {
            throw new IllegalStateException("the chart of accounts has no " + purpose + " account");
        }
        return code;
    }

    private static void add(List<Posting> postings, String account, Money amount) {
        if (!amount.isZero()) {
            postings.add(new Posting(account, amount));
        }
    }
}
