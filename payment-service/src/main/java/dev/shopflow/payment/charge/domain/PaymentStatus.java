package dev.shopflow.payment.charge.domain;

/** Where a payment is: waiting for the provider, charged, refused, or charged and given back. */
public enum PaymentStatus {
    PENDING, SUCCEEDED, FAILED, REFUNDED
}
