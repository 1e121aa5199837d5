package org.herdbook.web.membership.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.herdbook.reports.figures.control.RecurringRevenue;
import org.herdbook.reports.figures.entity.MonthlyFigures;
import org.herdbook.web.membership.entity.DuesPayment;

/**
 * Recurring donors and monthly recurring revenue from the dues payments recorded per member, until
 * PayPal subscriptions exist: the donors are the members who paid dues in the month; each payment
 * counts for its amount divided by the whole months it covers (a year paid at once is a twelfth
 * per month), summed and rounded half-even to the currency's scale.
 */
@ApplicationScoped
public class DuesRecurringRevenue implements RecurringRevenue {

    @PersistenceContext(unitName = "governance")
    EntityManager entityManager;

    @Override
    public MonthlyFigures.Recurring of(YearMonth month, Currency currency) {
        Set<UUID> donors = new HashSet<>();
        BigDecimal monthly = BigDecimal.ZERO;
        for (DuesPayment payment : entityManager.createQuery("SELECT p FROM DuesPayment p WHERE p.paidOn BETWEEN :first"
                + " AND :last", DuesPayment.class).setParameter("first", month.atDay(1))
                .setParameter("last", month.atEndOfMonth()).getResultList()) {
            if (!payment.getAmount().getCurrency().equals(currency)) {
                continue;
            }
            donors.add(payment.getAccountId());
            long months = Math.max(1, ChronoUnit.MONTHS.between(payment.getPaidOn(), payment.getCoversUntil().plusDays(1)));
            monthly = monthly.add(payment.getAmount().getAmount().divide(BigDecimal.valueOf(months), 10,
                    RoundingMode.HALF_EVEN));
        }
        return new MonthlyFigures.Recurring(donors.size(),
                monthly.setScale(currency.getDefaultFractionDigits(), RoundingMode.HALF_EVEN));
    }
}
