package dev.shopflow.payment.charge;

import java.util.UUID;

/** The order has no payment that the caller may see: none yet, or it is someone else's. */
public class PaymentNotFound extends RuntimeException {

    public PaymentNotFound(UUID orderId) {
        super("There is no payment for order " + orderId + ".");
    }
}
