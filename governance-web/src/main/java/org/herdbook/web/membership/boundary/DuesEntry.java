package org.herdbook.web.membership.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.util.List;
import org.herdbook.web.account.control.Accounts;
import org.herdbook.web.account.entity.Account;
import org.herdbook.web.api.InvalidInput;
import org.herdbook.web.membership.control.MemberForms;
import org.herdbook.web.membership.control.Memberships;
import org.herdbook.web.membership.entity.DuesPayment;
import org.herdbook.web.page.PageFeedback;
import org.herdbook.web.security.boundary.CurrentAccount;

/** The treasurer's page for dues paid outside PayPal. */
@Named
@RequestScoped
public class DuesEntry {

    @Inject
    Memberships memberships;
    @Inject
    Accounts accounts;
    @Inject
    CurrentAccount me;
    @Inject
    PageFeedback feedback;

    private String email;
    private String amount;
    private String currency;
    private String paidOn;
    private Integer months = 1;
    private String reference;

    public void record() {
        DuesPayment payment = feedback.attempt(() -> {
            Account member = accounts.byEmail(email).filter(found -> !found.isClosed())
                    .filter(found -> memberships.of(found.getId()).isPresent())
                    .orElseThrow(() -> new InvalidInput(List.of("treasurer.dues.unknown-member")));
            MemberForms.Payment form = MemberForms.payment(decimal(amount), currency, paidOn == null || paidOn.isBlank()
                    ? memberships.foundation().today() : MemberForms.day(paidOn), months, reference,
                    memberships.foundation().today());
            return memberships.recordDuesPayment(member.getId(), form.amount(), form.paidOn(), form.months(),
                    DuesPayment.Source.HAND, form.reference(), me.account().getId());
        });
        if (payment != null) {
            feedback.info("treasurer.dues.recorded", payment.getAmount().toString(), payment.getCoversUntil().toString());
        }
    }

    /** What a person typed, in plain notation ("12.50" or "12,50"); anything else is refused. */
    private static BigDecimal decimal(String text) {
        if (text == null || !text.strip().matches("\\d{1,9}([.,]\\d{1,3})?")) {
            throw new InvalidInput(List.of("validation.amount.invalid"));
        }
        return new BigDecimal(text.strip().replace(',', '.'));
    }

    public String getDefaultCurrency() {
        return memberships.foundation().getDefaultCurrency().getCurrencyCode();
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getAmount() {
        return amount;
    }

    public void setAmount(String amount) {
        this.amount = amount;
    }

    public String getCurrency() {
        return currency == null ? getDefaultCurrency() : currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }

    public String getPaidOn() {
        return paidOn;
    }

    public void setPaidOn(String paidOn) {
        this.paidOn = paidOn;
    }

    public Integer getMonths() {
        return months;
    }

    public void setMonths(Integer months) {
        this.months = months;
    }

    public String getReference() {
        return reference;
    }

    public void setReference(String reference) {
        this.reference = reference;
    }
}
