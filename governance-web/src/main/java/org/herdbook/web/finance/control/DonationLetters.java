package org.herdbook.web.finance.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import org.herdbook.finance.donation.control.DonationThanks;
import org.herdbook.finance.donation.control.Donations;
import org.herdbook.finance.donation.entity.Donation;

/**
 * Thanks a donor once, whichever of the return page and PayPal's webhook records the capture
 * first: the letter goes to the payer's address (recorded with the capture, else read from the
 * PayPal order), in the language the donor gave when the donation was created, with the PDF
 * receipt attached. The claim ({@code finance.donation_thanks}) is taken in the transaction that
 * records the capture, so two paths racing each other thank once; the letter leaves after commit.
 * When the payer's address cannot be learnt yet (PayPal unreachable), nothing is claimed and the
 * next path to record the capture tries again.
 */
@ApplicationScoped
public class DonationLetters implements DonationThanks {

    private static final Logger LOG = Logger.getLogger(DonationLetters.class.getName());

    @Inject
    Donations donations;
    @Inject
    DonationReceipts receipts;

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void captured(UUID donationId) {
        Optional<Donation> donation = donations.byId(donationId).filter(found -> found.capture().isPresent());
        if (donation.isEmpty()) {
            return;
        }
        Optional<String> payer = donations.payerEmail(donation.get());
        if (payer.isEmpty()) {
            LOG.info(() -> "Donation " + donationId + " captured; the payer's address is not known yet: no letter yet");
            return;
        }
        if (donations.claimThanks(donationId)) {
            receipts.thank(donation.get(), payer.get());
        }
    }
}
