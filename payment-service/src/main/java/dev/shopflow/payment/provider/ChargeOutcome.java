package dev.shopflow.payment.provider;

/** How a charge ended. */
public sealed interface ChargeOutcome {

    /** The customer was charged. */
    record Charged(String providerPaymentId) implements ChargeOutcome {
    }

    /**
     * The provider refused the charge; trying again will not change that.
     *
     * @param providerPaymentId the provider's id of the attempt, when it made one
     * @param declineCode       Stripe's {@code decline_code}, or its error {@code code} when there is none (such as
     *                          {@code expired_card}, or {@code resource_missing} for an unknown payment method)
     * @param reason            Stripe's message, such as "Your card has insufficient funds."
     */
    record Declined(String providerPaymentId, String declineCode, String reason) implements ChargeOutcome {
    }

    /** The provider accepted the payment and will confirm it later (Stripe's {@code processing}): a webhook settles it. */
    record AwaitingConfirmation(String providerPaymentId) implements ChargeOutcome {
    }

    /** The provider could not be reached, or kept failing, through every retry (or its circuit breaker is open). */
    record ProviderUnavailable(String reason) implements ChargeOutcome {
    }
}
