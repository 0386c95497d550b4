package dev.shopflow.order.ordering.web;

import dev.shopflow.order.money.Money;
import dev.shopflow.order.ordering.domain.Order;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An order as clients see it (DESIGN.md's Order, extended with the payment method). */
@Schema(name = "Order")
record OrderResponse(
        @Schema(example = "0b7e7c1a-3f4d-4c55-9a8e-5d2f6b1c9e70") UUID id,
        @Schema(allowableValues = {"PENDING", "AWAITING_PAYMENT", "CONFIRMED", "CANCELLED"}, example = "CONFIRMED")
        String status,
        @Schema(nullable = true, description = "Why the order was cancelled: OUT_OF_STOCK, "
                + "PAYMENT_DECLINED, CUSTOMER_CANCELLED, TIMED_OUT or PRICE_CHANGED; null unless it was") String cancellationReason,
        List<Item> items,
        Money total,
        @Schema(example = "pm_card_visa") String paymentMethod,
        Instant createdAt,
        Instant updatedAt) {

    /** A line of the order, at the price it was bought at. */
    @Schema(name = "OrderLine")
    record Item(
            @Schema(example = "41f87984-10f1-36da-9b5e-a27f193baa9a") UUID productId,
            @Schema(example = "Wireless Headphones") String name,
            Money unitPrice,
            @Schema(example = "2") int quantity,
            Money lineTotal) {
    }

    static OrderResponse of(Order order) {
        return new OrderResponse(order.id(), order.status().name(),
                order.cancellationReason().map(Enum::name).orElse(null),
                order.lines().stream()
                        .map(line -> new Item(line.productId(), line.name(), line.unitPrice(), line.quantity(),
                                line.total()))
                        .toList(),
                order.total(), order.paymentMethod(), order.createdAt(), order.updatedAt());
    }
}
