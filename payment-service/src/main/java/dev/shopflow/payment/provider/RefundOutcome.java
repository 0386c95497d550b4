package dev.shopflow.payment.provider;

/** How a refund ended. */
public sealed interface RefundOutcome {

    /**
     * The money is on its way back.
     *
     * @param providerRefundId the provider's id of the refund; {@code null} when the provider reports that the charge
     *                         was refunded already (from Stripe's dashboard, say)
     */
    record Refunded(String providerRefundId) implements RefundOutcome {
    }

    /** The provider refused the refund, and says why. */
    record Rejected(String reason) implements RefundOutcome {
    }

    /** The provider could not be reached, or kept failing, through every retry (or its circuit breaker is open). */
    record ProviderUnavailable(String reason) implements RefundOutcome {
    }
}
