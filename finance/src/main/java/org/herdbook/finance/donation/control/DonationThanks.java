package org.herdbook.finance.donation.control;

import java.util.UUID;

/**
 * Who thanks a donor, implemented outside the finance module (governance-web writes the letter
 * and the receipt). Told each time a capture of donation {@code donationId} is recorded, by the
 * return page or by PayPal's webhook, inside the transaction that records it; the implementation
 * makes sure the donor is thanked once ({@link Donations#claimThanks}).
 */
public interface DonationThanks {

    /** Donation {@code donationId} is captured (its capture is recorded). */
    void captured(UUID donationId);
}
