package dev.shopflow.order.ordering;

import dev.shopflow.order.ordering.domain.Order;
import dev.shopflow.order.ordering.domain.OrderStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * The saga's business metrics: {@code shopflow_orders_placed_total}, {@code shopflow_orders_confirmed_total},
 * {@code shopflow_orders_cancelled_total{reason}} and the histogram {@code shopflow_orders_saga_duration_seconds}
 * (placed to terminal). Counted only for transitions that committed.
 */
@Component
class OrderMetrics {

    private final MeterRegistry meters;
    private final Counter placed;
    private final Counter confirmed;

    OrderMetrics(MeterRegistry meters) {
        this.meters = meters;
        this.placed = Counter.builder("shopflow.orders.placed").description("Orders placed").register(meters);
        this.confirmed = Counter.builder("shopflow.orders.confirmed").description("Orders confirmed")
                .register(meters);
    }

    /** Counts the state the order has just reached. */
    void reached(Order order) {
        switch (order.status()) {
            case PENDING -> placed.increment();
            case AWAITING_PAYMENT -> {
                // Not a business outcome: only the start and the end of the saga are counted.
            }
            case CONFIRMED -> confirmed.increment();
            case CANCELLED -> Counter.builder("shopflow.orders.cancelled").description("Orders cancelled, by reason")
                    .tag("reason", order.cancellationReason().orElseThrow().name())
                    .register(meters).increment();
        }
        if (order.status() == OrderStatus.CONFIRMED || order.status() == OrderStatus.CANCELLED) {
            Timer.builder("shopflow.orders.saga.duration")
                    .description("Time from an order's placement to its terminal state")
                    .tag("status", order.status().name())
                    .publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofMillis(10))
                    .maximumExpectedValue(Duration.ofHours(1))
                    .register(meters)
                    .record(order.sagaDuration().orElseThrow());
        }
    }
}
