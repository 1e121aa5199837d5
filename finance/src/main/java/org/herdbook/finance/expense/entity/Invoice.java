package org.herdbook.finance.expense.entity;

/** An invoice attached to an expense: a PDF or an image, stored in the database. */
public record Invoice(String fileName, String contentType, byte[] content) {

    public Invoice {
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }
}
