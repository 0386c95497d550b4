package dev.shopflow.payment.webhook;

/** A webhook without a valid {@code Stripe-Signature}: missing, not made with our secret, or too old (a replay). */
public class StripeSignatureRejected extends RuntimeException {

    public StripeSignatureRejected(String reason) {
        super("The Stripe-Signature header does not prove that Stripe sent this event: " + reason);
    }
}
