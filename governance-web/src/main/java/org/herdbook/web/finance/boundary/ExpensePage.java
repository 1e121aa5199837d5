package org.herdbook.web.finance.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import org.herdbook.finance.Refusal;
import org.herdbook.finance.expense.control.Expenses;
import org.herdbook.finance.expense.entity.Expense;
import org.herdbook.finance.expense.entity.ExpenseDraft;
import org.herdbook.finance.expense.entity.Invoice;
import org.herdbook.finance.ledger.control.ChartOfAccounts;
import org.herdbook.finance.ledger.entity.AccountKind;
import org.herdbook.finance.ledger.entity.LedgerAccount;
import org.herdbook.finance.policy.FinancePolicy;

/** The treasurer records an expense with its invoice. */
@Named
@RequestScoped
public class ExpensePage {

    @Inject
    Expenses expenses;
    @Inject
    ChartOfAccounts chart;
    @Inject
    FinancePolicy policy;
    @Inject
    FinancePages pages;

    private String vendor;
    private String account;
    private String paidFrom = "1000";
    private String date;
    private String amount;
    private String currency;
    private String note;
    private Part invoice;

    public void record() {
        Expense recorded = pages.attempt(() -> expenses.record(new ExpenseDraft(vendor, account, paidFrom,
                FinanceInput.date(date), FinanceInput.money(amount, getCurrency()), note, invoice()), pages.caller()));
        if (recorded != null) {
            pages.info(recorded.booked() ? "finance.page.expense.booked" : "finance.page.expense.waiting",
                    recorded.amount().toString(), recorded.vendor());
            vendor = null;
            amount = null;
            note = null;
        }
    }

    private Invoice invoice() {
        if (invoice == null || invoice.getSize() == 0) {
            return null;
        }
        if (invoice.getSize() > policy.invoiceMaxBytes()) {
            throw new Refusal(Refusal.Kind.TOO_LARGE, "finance.expense.invoiceTooLarge", policy.invoiceMaxBytes() / (1024 * 1024));
        }
        try (InputStream in = invoice.getInputStream()) {
            byte[] content = in.readAllBytes();
            String type = Expenses.sniff(content);
            return new Invoice(invoice.getSubmittedFileName(), type == null ? "unknown" : type, content);
        } catch (IOException e) {
            throw Refusal.invalid("finance.expense.emptyInvoice");
        }
    }

    public List<LedgerAccount> getCategories() {
        return chart.all().stream().filter(found -> found.kind() == AccountKind.EXPENSE && found.active()).toList();
    }

    public List<LedgerAccount> getSources() {
        return chart.all().stream().filter(found -> found.kind() == AccountKind.ASSET && found.active()).toList();
    }

    public List<Expense> getRecent() {
        return expenses.recent(50);
    }

    public String name(LedgerAccount found, Locale locale) {
        return found.name(locale);
    }

    public String getVendor() {
        return vendor;
    }

    public void setVendor(String vendor) {
        this.vendor = vendor;
    }

    public String getAccount() {
        return account;
    }

    public void setAccount(String account) {
        this.account = account;
    }

    public String getPaidFrom() {
        return paidFrom;
    }

    public void setPaidFrom(String paidFrom) {
        this.paidFrom = paidFrom;
    }

    public String getDate() {
        return date;
    }

    public void setDate(String date) {
        this.date = date;
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

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    public Part getInvoice() {
        return invoice;
    }

    public void setInvoice(Part invoice) {
        this.invoice = invoice;
    }
}
