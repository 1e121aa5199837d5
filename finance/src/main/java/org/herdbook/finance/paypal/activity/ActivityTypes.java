package org.herdbook.finance.paypal.activity;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.herdbook.finance.paypal.entity.LineKind;

/**
 * PayPal's transaction type labels, in English and French, and what each is for the books.
 * A label not listed here makes the whole file rejected, so that nothing is booked by guess.
 */
final class ActivityTypes {

    private static final Map<String, LineKind> KINDS = new HashMap<>();

    static {
        kind(LineKind.SUBSCRIPTION_PAYMENT, "Subscription Payment", "Recurring Payment", "Preapproved Payment Bill User Payment",
                "Paiement d'abonnement", "Paiement récurrent", "Paiement préapprouvé d'un utilisateur de facture");
        kind(LineKind.DONATION, "Donation Payment", "Paiement de don", "Don");
        kind(LineKind.WEBSITE_PAYMENT, "Website Payment", "Express Checkout Payment", "Mobile Payment",
                "Paiement sur site marchand", "Paiement Express Checkout", "Paiement mobile");
        kind(LineKind.GENERAL_PAYMENT, "General Payment", "Payment Received", "Payment Sent", "Mass Pay Payment",
                "Paiement général", "Paiement reçu", "Paiement envoyé", "Paiement groupé");
        kind(LineKind.REFUND, "Payment Refund", "Refund", "Remboursement de paiement", "Remboursement");
        kind(LineKind.REVERSAL, "Payment Reversal", "Reversal", "Chargeback", "Annulation de paiement",
                "Contestation de paiement", "Rétrofacturation");
        kind(LineKind.CURRENCY_CONVERSION, "General Currency Conversion", "User Initiated Currency Conversion",
                "Currency Conversion", "Conversion de devise standard", "Conversion de devise",
                "Conversion de devise à l'initiative de l'utilisateur");
        kind(LineKind.WITHDRAWAL, "General Withdrawal", "General Withdrawal - Bank Account", "Withdraw Funds to Bank Account",
                "User Initiated Withdrawal", "Retrait général", "Retrait standard - Compte bancaire",
                "Virement sur compte bancaire", "Retrait à l'initiative de l'utilisateur");
        kind(LineKind.HOLD, "Payment Hold", "Account Hold for Open Authorization", "Hold on Balance for Dispute Investigation",
                "General Hold", "Paiement en attente", "Réserve sur compte pour autorisation ouverte",
                "Réserve sur le solde pour examen de litige", "Réserve générale");
        kind(LineKind.RELEASE, "Payment Release", "Reversal of General Account Hold",
                "Cancellation of Hold for Dispute Resolution", "General Hold Release", "Déblocage de paiement",
                "Annulation de la réserve générale sur compte", "Annulation de la réserve pour règlement de litige",
                "Levée de réserve générale");
    }

    private ActivityTypes() {
    }

    private static void kind(LineKind kind, String... labels) {
        for (String label : labels) {
            KINDS.put(ActivityColumn.normalize(label), kind);
        }
    }

    static Optional<LineKind> of(String label) {
        return Optional.ofNullable(KINDS.get(ActivityColumn.normalize(label)));
    }
}
