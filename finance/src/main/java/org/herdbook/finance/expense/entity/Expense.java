package org.herdbook.finance.expense.entity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.herdbook.finance.money.Money;

/**
 * An expense as recorded: booked at once, or waiting for a second board member's approval when
 * it is above the foundation's threshold.
 *
 * @param id its identifier
 * @param vendor who was paid
 * @param accountCode the expense account (category)
 * @param paidFrom the account the money left (bank or PayPal)
 * @param spentOn the day it was spent
 * @param amount how much
 * @param note what for, or null
 * @param invoiceFileName the attached invoice's name, or null when none is attached
 * @param invoiceContentType the invoice's media type, or null
 * @param recordedBy who recorded it
 * @param recordedAt when
 * @param needsApproval whether it waits, or waited, for a second board member
 * @param approvedBy who approved it, or null
 * @param entryId its journal entry once booked, or null while it waits
 */
public record Expense(UUID id, String vendor, String accountCode, String paidFrom, LocalDate spentOn, Money amount,
        String note, String invoiceFileName, String invoiceContentType, String recordedBy, Instant recordedAt,
        boolean needsApproval, String approvedBy, UUID entryId) {

    public boolean booked() {
        return entryId != null;
    }

    public UUID getId() {
        return id;
    }

    public String getVendor() {
        return vendor;
    }

    public String getAccountCode() {
        return accountCode;
    }

    public LocalDate getSpentOn() {
        return spentOn;
    }

    public Money getAmount() {
        return amount;
    }

    public String getNote() {
        return note;
    }

    public String getInvoiceFileName() {
        return invoiceFileName;
    }

    public boolean isBooked() {
        return booked();
    }

    public String getInvoiceContentType() {
        return invoiceContentType;
    }

    public String getRecordedBy() {
        return recordedBy;
    }
}
