package org.herdbook.web.finance.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.herdbook.finance.donation.control.DonationThanks;
import org.herdbook.finance.donation.control.Donations;
import org.herdbook.finance.donation.entity.Donation;
import org.herdbook.web.page.Transactions;

/**
 * Thanks a donor once, whichever of the return page and PayPal's webhook records the capture
 * first: the letter goes to the payer's address, in the language the donor gave when the donation
 * was created, with the PDF receipt attached. The claim ({@code finance.donation_thanks}) makes
 * two paths racing each other thank once; the letter leaves after commit.
 *
 * <p>When the capture names its payer (the return page), the claim is taken in the transaction
 * that records it. When it does not (the webhook), the payer's address must be read from the
 * PayPal order: that call is made after the commit, on a managed thread, so no transaction (and no
 * PayPal booking lock) waits on PayPal; the claim and the letter then have a transaction of their
 * own. When PayPal cannot be asked, nothing is claimed and the next path to record the capture
 * (the donor's return) tries again.
 */
@ApplicationScoped
public class DonationLetters implements DonationThanks {

    private static final Logger LOG = Logger.getLogger(DonationLetters.class.getName());

    /** A capture recorded without its payer's address, to be thanked once the transaction has committed. */
    record PayerToAsk(UUID donationId) {
    }

    @Inject
    Donations donations;
    @Inject
    DonationReceipts receipts;
    @Inject
    Transactions transactions;
    @Inject
    Event<PayerToAsk> payerToAsk;
    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void captured(UUID donationId) {
        Optional<Donation> donation = donations.byId(donationId).filter(found -> found.capture().isPresent());
        if (donation.isEmpty()) {
            return;
        }
        Optional<String> recorded = donation.get().capture().map(Donation.Capture::payerEmail)
                .filter(email -> !email.isBlank());
        if (recorded.isEmpty()) {
            payerToAsk.fire(new PayerToAsk(donationId));
            return;
        }
        if (donations.claimThanks(donationId)) {
            receipts.thank(donation.get(), recorded.get());
        }
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) PayerToAsk event) {
        executor.execute(() -> {
            try {
                thankAskingPaypal(event.donationId());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Donation " + event.donationId() + " not thanked yet", e);
            }
        });
    }

    private void thankAskingPaypal(UUID donationId) {
        Optional<Donation> donation = donations.byId(donationId).filter(found -> found.capture().isPresent());
        Optional<String> payer = donation.flatMap(donations::payerEmail);
        if (payer.isEmpty()) {
            LOG.info(() -> "Donation " + donationId + " captured; the payer's address is not known yet: no letter yet");
            return;
        }
        transactions.required(() -> {
            if (donations.claimThanks(donationId)) {
                receipts.thank(donation.get(), payer.get());
            }
            return null;
        });
    }
}
