package dev.shopflow.order.ordering;

import java.util.UUID;

/** There is no such order, or it belongs to someone else (who may not know it exists). */
public class OrderNotFound extends RuntimeException {

    public OrderNotFound(UUID orderId) {
        super("There is no order " + orderId + ".");
    }
}
