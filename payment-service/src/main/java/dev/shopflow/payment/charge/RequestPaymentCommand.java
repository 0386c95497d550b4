package dev.shopflow.payment.charge;

import dev.shopflow.payment.money.Money;
import java.util.Objects;
import java.util.UUID;

/**
 * An order asks to be paid (order-service's PaymentRequested).
 *
 * @param paymentMethod a Stripe payment method id, such as {@code pm_card_visa}
 */
public record RequestPaymentCommand(UUID orderId, UUID userId, Money amount, String paymentMethod) {

    public RequestPaymentCommand {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(amount, "amount");
        if (paymentMethod == null || paymentMethod.isBlank()) {
            throw new IllegalArgumentException("paymentMethod must not be blank");
        }
    }
}
