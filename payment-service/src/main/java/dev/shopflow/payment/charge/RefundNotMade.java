package dev.shopflow.payment.charge;

import java.util.UUID;

/**
 * A cancelled order's charge could not be refunded now: the provider refused, or could not be reached. The money is
 * still taken, so the event that asked for the refund fails and is retried (then kept as a dead letter to replay).
 */
public class RefundNotMade extends RuntimeException {

    public RefundNotMade(UUID orderId, String reason) {
        super("The charge of cancelled order " + orderId + " could not be refunded: " + reason);
    }
}
