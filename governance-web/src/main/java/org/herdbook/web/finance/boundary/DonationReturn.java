package org.herdbook.web.finance.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.herdbook.finance.donation.entity.Donation;
import org.herdbook.web.finance.control.DonationReceipts;
import org.herdbook.web.finance.control.DonationStart;
import org.herdbook.web.i18n.RequestLanguage;

/**
 * Where PayPal sends the donor back ({@code ?token=<order id>}): the donation is captured here
 * (again is harmless) and the page says what PayPal says, not what the address claims.
 */
@Named
@RequestScoped
public class DonationReturn {

    @Inject
    DonationStart donations;
    @Inject
    DonationReceipts receipts;
    @Inject
    FinancePages pages;
    @Inject
    RequestLanguage language;

    private String token;
    private Donation donation;

    public void capture() {
        if (token == null || !DonationResource.ORDER_ID.matcher(token).matches()) {
            pages.status(404);
            pages.error(pages.text("finance.donation.unknown"));
            return;
        }
        donation = pages.attempt(() -> donations.capture(token));
    }

    public boolean isCaptured() {
        return donation != null && donation.capture().isPresent();
    }

    public Donation getDonation() {
        return donation;
    }

    public String getAmount() {
        return isCaptured() ? DonationReceipts.amount(language.current(), donation.capture().get().gross()) : "";
    }

    public String getReceiptUrl() {
        return isCaptured() ? receipts.receiptUrl(donation.id()) : "";
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }
}
