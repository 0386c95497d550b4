package dev.shopflow.payment.provider.simulated;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Stripe's documented test payment methods and what Stripe test mode answers to each: the simulator's whole
 * knowledge. A payment method that is not listed does not exist, as in Stripe ({@code resource_missing}).
 */
public final class TestPaymentMethods {

    /** How Stripe declines a test payment method: its decline (or error) code and its message. */
    public record Decline(String code, String message) {
    }

    /** Payment methods that are charged. */
    public static final Set<String> SUCCEEDING = Set.of(
            "pm_card_visa", "pm_card_visa_debit", "pm_card_mastercard", "pm_card_mastercard_debit",
            "pm_card_mastercard_prepaid", "pm_card_amex", "pm_card_discover", "pm_card_diners", "pm_card_jcb",
            "pm_card_unionpay", "pm_card_us", "pm_card_gb", "pm_card_de", "pm_card_fr", "pm_card_nl", "pm_card_es",
            "pm_card_it", "pm_card_ie", "pm_card_at", "pm_card_be", "pm_card_ch", "pm_card_ca", "pm_card_au",
            "pm_card_jp", "pm_card_br", "pm_card_mx", "pm_card_in");

    /** Payment methods that are declined, with Stripe's code and message; each also as {@code pm_card_visa_…}. */
    public static final Map<String, Decline> DECLINING = declines();

    private TestPaymentMethods() {
    }

    /** How Stripe declines this payment method; empty when it is charged or does not exist. */
    public static Optional<Decline> declineOf(String paymentMethod) {
        return Optional.ofNullable(DECLINING.get(paymentMethod));
    }

    public static boolean succeeds(String paymentMethod) {
        return SUCCEEDING.contains(paymentMethod);
    }

    private static Map<String, Decline> declines() {
        String declined = "Your card was declined.";
        var byName = new LinkedHashMap<String, Decline>();
        for (var entry : List.of(
                Map.entry("chargeDeclined", new Decline("generic_decline", declined)),
                Map.entry("chargeDeclinedInsufficientFunds", new Decline("insufficient_funds",
                        "Your card has insufficient funds.")),
                Map.entry("chargeDeclinedLostCard", new Decline("lost_card", declined)),
                Map.entry("chargeDeclinedStolenCard", new Decline("stolen_card", declined)),
                Map.entry("chargeDeclinedFraudulent", new Decline("fraudulent", declined)),
                Map.entry("chargeDeclinedExpiredCard", new Decline("expired_card", "Your card has expired.")),
                Map.entry("chargeDeclinedIncorrectCvc", new Decline("incorrect_cvc",
                        "Your card's security code is incorrect.")),
                Map.entry("chargeDeclinedProcessingError", new Decline("processing_error",
                        "An error occurred while processing your card. Try again in a little bit.")),
                Map.entry("chargeDeclinedVelocityLimitExceeded", new Decline("card_velocity_exceeded",
                        "Your card was declined for making repeated attempts too frequently or exceeding its amount "
                                + "limit.")))) {
            byName.put("pm_card_" + entry.getKey(), entry.getValue());
            byName.put("pm_card_visa_" + entry.getKey(), entry.getValue());
        }
        // Cards that need 3-D Secure: a charge made without the customer cannot authenticate them.
        var authentication = new Decline("authentication_required", "The card needs the customer to authenticate the "
                + "payment (3-D Secure), which a charge made without the customer cannot do.");
        byName.put("pm_card_authenticationRequired", authentication);
        byName.put("pm_card_threeDSecure2Required", authentication);
        return Map.copyOf(byName);
    }
}
