package org.herdbook.web.finance.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.herdbook.finance.Refusal;
import org.herdbook.finance.donation.control.Donations;
import org.herdbook.finance.donation.entity.Donation;
import org.herdbook.finance.money.Money;
import org.herdbook.finance.policy.FinancePolicy;
import org.herdbook.web.i18n.RequestLanguage;

/**
 * The donation use case as the page and the API share it: the amount read in the foundation's
 * currency, PayPal's return to this server's donation return page, and the thank-you letter
 * posted once ({@link DonationLetters}), whichever of this page and PayPal's webhook records the
 * capture first.
 */
@ApplicationScoped
public class DonationStart {

    public static final String RETURN_PAGE = "/donation-return.xhtml";
    public static final String DONATION_PAGE = "/donate.xhtml";

    @Inject
    Donations donations;
    @Inject
    DonationLetters letters;
    @Inject
    FinancePolicy policy;
    @Inject
    RequestLanguage requestLanguage;
    @Inject
    @ConfigProperty(name = "herdbook.base-url", defaultValue = "http://localhost:9080")
    String baseUrl;

    /** @param language {@code en} or {@code fr}; null for the visitor's */
    @Transactional(Transactional.TxType.MANDATORY)
    public Donations.Started start(String amount, String name, String message, String language) {
        Money money;
        try {
            money = Money.of(new BigDecimal(amount == null ? "" : amount.strip().replace(',', '.')), policy.currency());
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw Refusal.invalid("finance.donation.amount", Donations.MAX_AMOUNT.toPlainString());
        }
        String tag = language == null || language.isBlank() ? requestLanguage.getTag() : language.strip();
        return donations.start(money, name, message, tag, URI.create(baseUrl + RETURN_PAGE),
                URI.create(baseUrl + DONATION_PAGE));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Donation capture(String orderId) {
        Donation donation = donations.capture(orderId);
        letters.captured(donation.id());
        return donation;
    }
}
