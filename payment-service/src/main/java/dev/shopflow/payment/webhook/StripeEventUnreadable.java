package dev.shopflow.payment.webhook;

/** A correctly signed webhook whose body is not a Stripe event. */
public class StripeEventUnreadable extends RuntimeException {

    public StripeEventUnreadable(String reason, Throwable cause) {
        super("The webhook body is not a Stripe event: " + reason, cause);
    }
}
