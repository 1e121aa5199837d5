package org.herdbook.finance.paypal.search;

import com.paypal.sdk.Environment;
import com.paypal.sdk.PaypalServerSdkClient;
import com.paypal.sdk.authentication.ClientCredentialsAuthModel;
import com.paypal.sdk.exceptions.ApiException;
import com.paypal.sdk.models.SearchResponse;
import com.paypal.sdk.models.SearchTransactionsInput;
import com.paypal.sdk.models.TransactionDetails;
import com.paypal.sdk.models.TransactionInformation;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import org.herdbook.finance.Refusal;
import org.herdbook.finance.money.Money;
import org.herdbook.finance.paypal.api.PaypalHttp;
import org.herdbook.finance.paypal.entity.LineKind;
import org.herdbook.finance.paypal.entity.PaypalLine;

/**
 * Fetches the foundation's balance-affecting PayPal transactions through the Transaction Search
 * API ({@code GET /v1/reporting/transactions}) with PayPal's Java server SDK.
 *
 * <p>PayPal answers at most 31 days per query and 500 transactions per page: a period is cut
 * into windows of at most 31 days and every page of each window is read. Transactions reach the
 * API up to three hours late, which is why a sync normally ends a few hours before now.
 */
public final class PaypalTransactionSearch {

    static final Duration WINDOW = Duration.ofDays(31);
    static final int PAGE_SIZE = 500;
    private static final DateTimeFormatter PAYPAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ");
    private static final Set<String> SKIPPED_STATUSES = Set.of("D", "F");
    private static final Map<String, LineKind> EVENT_CODES = Map.ofEntries(
            Map.entry("T0002", LineKind.SUBSCRIPTION_PAYMENT),
            Map.entry("T0013", LineKind.DONATION),
            Map.entry("T0006", LineKind.WEBSITE_PAYMENT),
            Map.entry("T0007", LineKind.WEBSITE_PAYMENT),
            Map.entry("T0011", LineKind.WEBSITE_PAYMENT),
            Map.entry("T0000", LineKind.GENERAL_PAYMENT),
            Map.entry("T0001", LineKind.GENERAL_PAYMENT),
            Map.entry("T1107", LineKind.REFUND),
            Map.entry("T1106", LineKind.REVERSAL),
            Map.entry("T1201", LineKind.REVERSAL),
            Map.entry("T0200", LineKind.CURRENCY_CONVERSION),
            Map.entry("T0400", LineKind.WITHDRAWAL),
            Map.entry("T0403", LineKind.WITHDRAWAL),
            Map.entry("T1501", LineKind.HOLD),
            Map.entry("T1502", LineKind.HOLD),
            Map.entry("T1110", LineKind.HOLD),
            Map.entry("T1503", LineKind.RELEASE),
            Map.entry("T1105", LineKind.RELEASE),
            Map.entry("T1111", LineKind.RELEASE));

    private final PaypalServerSdkClient client;

    public PaypalTransactionSearch(PaypalApiAccess access) {
        this(access, List.of());
    }

    /**
     * A search whose requests also pass through {@code interceptors} (after those registered
     * with {@link PaypalHttp}): tests route them to an emulator this way.
     */
    public PaypalTransactionSearch(PaypalApiAccess access, List<Interceptor> interceptors) {
        OkHttpClient okHttp = PaypalHttp.client(Duration.ofSeconds(30), interceptors);
        this.client = new PaypalServerSdkClient.Builder()
                .environment(access.sandbox() ? Environment.SANDBOX : Environment.PRODUCTION)
                .clientCredentialsAuth(new ClientCredentialsAuthModel.Builder(access.clientId(), access.clientSecret()).build())
                .httpClientConfig(config -> config.httpClientInstance(okHttp).numberOfRetries(0).timeout(30))
                .build();
    }

    /** The windows of at most 31 days that cover {@code [from, to)}. */
    static List<Instant[]> windows(Instant from, Instant to) {
        List<Instant[]> windows = new ArrayList<>();
        for (Instant start = from; start.isBefore(to); start = start.plus(WINDOW)) {
            Instant end = start.plus(WINDOW).isBefore(to) ? start.plus(WINDOW) : to;
            windows.add(new Instant[] {start, end.minusSeconds(1)});
        }
        return windows;
    }

    /**
     * Every balance-affecting transaction that happened in {@code [from, to)}.
     *
     * @throws Refusal when PayPal refuses the credentials or the query ({@code finance.paypal.apiRefused})
     */
    public List<PaypalLine> fetch(Instant from, Instant to) {
        List<PaypalLine> lines = new ArrayList<>();
        for (Instant[] window : windows(from, to)) {
            int page = 1;
            int totalPages;
            do {
                SearchResponse response = search(window[0], window[1], page);
                totalPages = response.getTotalPages() == null ? 1 : response.getTotalPages();
                if (response.getTransactionDetails() != null) {
                    for (TransactionDetails details : response.getTransactionDetails()) {
                        line(details).ifPresent(lines::add);
                    }
                }
                page++;
            } while (page <= totalPages);
        }
        return lines;
    }

    private SearchResponse search(Instant start, Instant end, int page) {
        SearchTransactionsInput input = new SearchTransactionsInput.Builder(format(start), format(end))
                .fields("transaction_info,payer_info").balanceAffectingRecordsOnly("Y").pageSize(PAGE_SIZE).page(page)
                .build();
        try {
            return client.getTransactionSearchController().searchTransactions(input).getResult();
        } catch (ApiException e) {
            throw new Refusal(Refusal.Kind.CONFLICT, "finance.paypal.apiRefused", e.getResponseCode());
        } catch (io.apimatic.core.exceptions.AuthValidationException e) {
            // The SDK reports a refused token request this way, before any search is sent.
            throw new Refusal(Refusal.Kind.CONFLICT, "finance.paypal.apiRefused", 401);
        } catch (IOException e) {
            throw new Refusal(Refusal.Kind.CONFLICT, "finance.paypal.apiUnreachable", e.getMessage());
        }
    }

    private static java.util.Optional<PaypalLine> line(TransactionDetails details) {
        TransactionInformation info = details.getTransactionInfo();
        if (info == null || info.getTransactionId() == null || info.getTransactionAmount() == null) {
            return java.util.Optional.empty();
        }
        String code = info.getTransactionEventCode();
        LineKind kind = code == null ? null : EVENT_CODES.get(code);
        if (kind == null) {
            throw Refusal.conflict("finance.paypal.unknownEventCode", String.valueOf(code), info.getTransactionId());
        }
        if (info.getTransactionStatus() != null && SKIPPED_STATUSES.contains(info.getTransactionStatus())) {
            return java.util.Optional.empty();
        }
        Currency currency = Currency.getInstance(info.getTransactionAmount().getCurrencyCode());
        Money gross = Money.of(new BigDecimal(info.getTransactionAmount().getValue()), currency);
        Money fee = info.getFeeAmount() == null ? Money.zero(currency)
                : Money.of(new BigDecimal(info.getFeeAmount().getValue()), currency);
        String payer = details.getPayerInfo() == null ? null : details.getPayerInfo().getEmailAddress();
        return java.util.Optional.of(new PaypalLine(info.getTransactionId(), parse(info.getTransactionInitiationDate()),
                kind, code, info.getTransactionStatus(), gross, fee, gross.plus(fee), info.getPaypalReferenceId(), payer));
    }

    private static String format(Instant instant) {
        return PAYPAL_TIME.format(instant.atOffset(ZoneOffset.UTC));
    }

    private static Instant parse(String text) {
        try {
            return OffsetDateTime.parse(text, PAYPAL_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return OffsetDateTime.parse(text).toInstant();
        }
    }
}
