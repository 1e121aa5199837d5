package org.herdbook.web.finance.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.herdbook.finance.donation.control.Donations;
import org.herdbook.finance.policy.FinancePolicy;
import org.herdbook.web.finance.control.DonationStart;

/** The public donation page: amount, optional name and message (anonymous by default), then PayPal. */
@Named
@RequestScoped
public class Donate {

    @Inject
    DonationStart donations;
    @Inject
    FinancePages pages;
    @Inject
    FinancePolicy policy;

    private String amount;
    private String name;
    private String message;

    public void give() {
        Donations.Started started = pages.attempt(() -> donations.start(amount, name, message, null));
        if (started != null) {
            try {
                FacesContext.getCurrentInstance().getExternalContext().redirect(started.approvalUrl().toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public String getCurrency() {
        return policy.currency().getCurrencyCode();
    }

    public String getAmount() {
        return amount;
    }

    public void setAmount(String amount) {
        this.amount = amount;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }
}
