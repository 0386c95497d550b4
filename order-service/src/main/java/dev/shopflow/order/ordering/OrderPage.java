package dev.shopflow.order.ordering;

import dev.shopflow.order.ordering.domain.Order;
import java.util.List;

/** One page of orders, newest first, and how many there are in all. */
public record OrderPage(List<Order> orders, int page, int size, long totalItems) {

    public long totalPages() {
        return (totalItems + size - 1) / size;
    }
}
