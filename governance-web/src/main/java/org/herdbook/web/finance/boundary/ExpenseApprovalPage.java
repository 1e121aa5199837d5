package org.herdbook.web.finance.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.UUID;
import org.herdbook.finance.expense.control.Expenses;
import org.herdbook.finance.expense.entity.Expense;

/** Board members approve expenses above the threshold that someone else recorded. */
@Named
@RequestScoped
public class ExpenseApprovalPage {

    @Inject
    Expenses expenses;
    @Inject
    FinancePages pages;

    public boolean isMayApprove() {
        return pages.callerIs("board");
    }

    public void approve(UUID id) {
        if (!isMayApprove()) {
            pages.status(403);
            return;
        }
        Expense approved = pages.attempt(() -> expenses.approve(id, pages.caller()));
        if (approved != null) {
            pages.info("finance.page.approvals.approved", approved.amount().toString(), approved.vendor());
        }
    }

    public List<Expense> getWaiting() {
        return expenses.waitingForApproval();
    }
}
