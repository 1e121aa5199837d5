package org.herdbook.web.finance.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.herdbook.finance.policy.FinancePolicy;
import org.herdbook.finance.sponsorship.control.Sponsorships;
import org.herdbook.finance.sponsorship.entity.Sponsorship;

/**
 * Sponsorships: the treasurer records them; the treasurer and the board see amounts. The
 * secretary, who may see board pages, sees sponsors without amounts.
 */
@Named
@RequestScoped
public class SponsorshipPage {

    @Inject
    Sponsorships sponsorships;
    @Inject
    FinancePolicy policy;
    @Inject
    FinancePages pages;

    private String sponsor;
    private String publicName;
    private boolean anonymous;
    private String amount;
    private String currency;
    private String startsOn;
    private String endsOn;

    public void record() {
        if (!pages.callerIs("treasurer")) {
            pages.status(403);
            return;
        }
        Sponsorship recorded = pages.attempt(() -> sponsorships.record(sponsor, publicName, anonymous,
                FinanceInput.money(amount, getCurrency()), FinanceInput.date(startsOn), FinanceInput.date(endsOn),
                pages.caller()));
        if (recorded != null) {
            pages.info("finance.page.sponsorships.recorded", recorded.sponsor());
            sponsor = null;
            amount = null;
        }
    }

    /** Whether amounts (and anonymous sponsors' names) may be shown. */
    public boolean isConfidentialShown() {
        return pages.callerIs("treasurer") || pages.callerIs("board");
    }

    public List<SponsorshipResource.SponsorshipView> getSponsorships() {
        boolean confidential = isConfidentialShown();
        return sponsorships.all().stream().map(found -> SponsorshipResource.view(found, confidential)).toList();
    }

    public String getSponsor() {
        return sponsor;
    }

    public void setSponsor(String sponsor) {
        this.sponsor = sponsor;
    }

    public String getPublicName() {
        return publicName;
    }

    public void setPublicName(String publicName) {
        this.publicName = publicName;
    }

    public boolean isAnonymous() {
        return anonymous;
    }

    public void setAnonymous(boolean anonymous) {
        this.anonymous = anonymous;
    }

    public String getAmount() {
        return amount;
    }

    public void setAmount(String amount) {
        this.amount = amount;
    }

    public String getCurrency() {
        return currency == null || currency.isBlank() ? policy.currency().getCurrencyCode() : currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }

    public String getStartsOn() {
        return startsOn;
    }

    public void setStartsOn(String startsOn) {
        this.startsOn = startsOn;
    }

    public String getEndsOn() {
        return endsOn;
    }

    public void setEndsOn(String endsOn) {
        this.endsOn = endsOn;
    }
}
