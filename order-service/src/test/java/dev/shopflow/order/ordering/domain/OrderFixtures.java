package dev.shopflow.order.ordering.domain;

import dev.shopflow.order.money.Money;
import dev.shopflow.order.ordering.events.CancellationReason;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Test orders in every state of the saga, reached through the order's own methods. */
final class OrderFixtures {

    static final Instant PLACED_AT = Instant.parse("2026-11-21T09:00:00Z");
    static final Duration DEADLINE = Duration.ofMinutes(15);

    private OrderFixtures() {
    }

    static OrderLine line(long unitPrice, int quantity) {
        return new OrderLine(UUID.randomUUID(), "Mug", new Money(unitPrice, "EUR"), quantity);
    }

    static Order pending() {
        return Order.place(UUID.randomUUID(), UUID.randomUUID(), List.of(line(1999, 2), line(500, 1)), "pm_card_visa",
                PLACED_AT).order();
    }

    static Order awaitingPayment() {
        Order order = pending();
        order.requestPayment(PLACED_AT.plusSeconds(1)).orElseThrow();
        return order;
    }

    static Order confirmed() {
        Order order = awaitingPayment();
        order.confirm(UUID.randomUUID(), PLACED_AT.plusSeconds(2)).orElseThrow();
        return order;
    }

    static Order cancelled(CancellationReason reason) {
        return switch (reason) {
            case OUT_OF_STOCK -> {
                Order order = pending();
                order.cancelForLackOfStock(PLACED_AT.plusSeconds(1)).orElseThrow();
                yield order;
            }
            case PAYMENT_DECLINED -> {
                Order order = awaitingPayment();
                order.cancelForDeclinedPayment(UUID.randomUUID(), PLACED_AT.plusSeconds(2)).orElseThrow();
                yield order;
            }
            case CUSTOMER_CANCELLED -> {
                Order order = pending();
                order.cancelByCustomer(PLACED_AT.plusSeconds(1)).orElseThrow();
                yield order;
            }
            case TIMED_OUT -> {
                Order order = awaitingPayment();
                order.timeOut(DEADLINE, PLACED_AT.plus(DEADLINE)).orElseThrow();
                yield order;
            }
            case PRICE_CHANGED -> {
                Order order = pending();
                order.cancelForChangedPrice(PLACED_AT.plusSeconds(1)).orElseThrow();
                yield order;
            }
        };
    }
}
