package dev.shopflow.order.ordering.persistence;

import java.util.UUID;

/** A row of {@code order_items}. */
record OrderItemRow(UUID orderId, int lineNo, UUID productId, String name, long unitPriceAmount, int quantity) {
}
