package dev.shopflow.order.ordering.web;

import dev.shopflow.order.money.Money;
import dev.shopflow.order.ordering.domain.Order;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An order as clients see it (DESIGN.md's Order, extended with the payment method). */
record OrderResponse(UUID id, String status, String cancellationReason, List<Item> items, Money total,
        String paymentMethod, Instant createdAt, Instant updatedAt) {

    record Item(UUID productId, String name, Money unitPrice, int quantity, Money lineTotal) {
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
