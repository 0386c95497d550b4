package dev.shopflow.order.ordering.domain;

import java.util.UUID;

/** A customer asked to cancel an order that is already paid (confirmed). */
public class OrderCannotBeCancelled extends RuntimeException {

    public OrderCannotBeCancelled(UUID orderId, OrderStatus status) {
        super("Order " + orderId + " is " + status + " and can no longer be cancelled");
    }
}
