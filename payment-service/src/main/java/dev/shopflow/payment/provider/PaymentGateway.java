package dev.shopflow.payment.provider;

import reactor.core.publisher.Mono;

/**
 * Charges and refunds through a payment provider. The same request gets the same answer whichever adapter is
 * configured: {@code stripe} calls Stripe (or stripe-mock), {@code simulated} answers offline as Stripe's test mode
 * does for its documented test payment methods.
 *
 * <p>The gateway the service uses ({@link ResilientPaymentGateway}) answers every call with an outcome: declines and
 * provider trouble are values, not errors. An adapter on its own signals provider trouble as a
 * {@link ProviderTrouble} error, which the resilient gateway retries.
 */
public interface PaymentGateway {

    /** The provider's name, stored with each payment: {@code simulated} or {@code stripe}. */
    String name();

    /**
     * Charges a payment method. The same idempotency key never charges twice: the provider answers a repeated
     * request with its first answer.
     */
    Mono<ChargeOutcome> charge(ChargeRequest request);

    /** Gives a whole charge back. The same idempotency key never refunds twice. */
    Mono<RefundOutcome> refund(RefundRequest request);
}
