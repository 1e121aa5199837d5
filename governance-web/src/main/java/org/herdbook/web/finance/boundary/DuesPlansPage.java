package org.herdbook.web.finance.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.herdbook.finance.Refusal;
import org.herdbook.finance.dues.control.DuesSubscriptions;
import org.herdbook.finance.dues.entity.DuesPlan;
import org.herdbook.finance.money.Money;
import org.herdbook.finance.policy.FinancePolicy;

/** The administrator's page that creates the dues product and up to three monthly tiers at PayPal, once. */
@Named
@RequestScoped
public class DuesPlansPage {

    @Inject
    DuesSubscriptions dues;
    @Inject
    FinancePages pages;
    @Inject
    FinancePolicy policy;

    private String productName;
    private final String[] names = new String[3];
    private final String[] amounts = new String[3];
    private List<DuesPlan> plans;

    public void create() {
        List<DuesPlan> created = pages.attempt(() -> {
            List<DuesSubscriptions.Tier> tiers = new ArrayList<>();
            for (int i = 0; i < names.length; i++) {
                boolean blank = (names[i] == null || names[i].isBlank()) && (amounts[i] == null || amounts[i].isBlank());
                if (!blank) {
                    tiers.add(new DuesSubscriptions.Tier(names[i], money(amounts[i])));
                }
            }
            return dues.setUp(productName, tiers, policy.currency(), pages.caller());
        });
        if (created != null) {
            plans = created;
            pages.info("finance.dues.created", created.size());
        }
    }

    private Money money(String amount) {
        try {
            return Money.of(new BigDecimal(amount == null ? "" : amount.strip().replace(',', '.')), policy.currency());
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw Refusal.invalid("finance.dues.noTiers");
        }
    }

    public List<DuesPlan> getPlans() {
        if (plans == null) {
            plans = dues.plans();
        }
        return plans;
    }

    public String getCurrency() {
        return policy.currency().getCurrencyCode();
    }

    public String getProductName() {
        return productName;
    }

    public void setProductName(String productName) {
        this.productName = productName;
    }

    public String[] getNames() {
        return names;
    }

    public String[] getAmounts() {
        return amounts;
    }
}
