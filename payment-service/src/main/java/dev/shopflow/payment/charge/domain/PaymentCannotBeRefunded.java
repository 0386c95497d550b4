package dev.shopflow.payment.charge.domain;

/** Only a charged payment can be refunded: this one is still pending, or it failed. */
public class PaymentCannotBeRefunded extends RuntimeException {

    public PaymentCannotBeRefunded(Payment payment) {
        super("Payment " + payment.id() + " of order " + payment.orderId() + " is " + payment.status()
                + ": nothing was charged, so nothing can be refunded.");
    }
}
