package dev.shopflow.order.ordering;

import dev.shopflow.order.ordering.domain.OrderStatus;
import dev.shopflow.order.ordering.persistence.OrderRepository;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The gauge {@code shopflow_orders_open{status}}: orders not yet CONFIRMED or CANCELLED, PENDING and AWAITING_PAYMENT
 * apart. Counted from the database every {@code shopflow.ordering.sweep-interval} rather than on each scrape, so that a
 * scrape never waits for the database and every instance reports the same number (sum over instances with max, not
 * sum).
 */
@Component
public class OpenOrdersGauge {

    private static final Logger log = LoggerFactory.getLogger(OpenOrdersGauge.class);
    private static final Duration COUNT_TIMEOUT = Duration.ofSeconds(10);
    private static final List<OrderStatus> OPEN = List.of(OrderStatus.PENDING, OrderStatus.AWAITING_PAYMENT);

    private final OrderRepository orders;
    private final Map<OrderStatus, AtomicLong> open = new EnumMap<>(OrderStatus.class);

    public OpenOrdersGauge(OrderRepository orders, MeterRegistry registry) {
        this.orders = orders;
        for (OrderStatus status : OPEN) {
            var count = new AtomicLong();
            open.put(status, count);
            Gauge.builder("shopflow.orders.open", count, AtomicLong::get)
                    .description("Orders placed and not yet confirmed or cancelled, by status")
                    .tag("status", status.name())
                    .register(registry);
        }
    }

    /** Counts again; when the database does not answer, the gauge keeps its last values. */
    @Scheduled(initialDelay = 0, fixedDelayString = "${shopflow.ordering.sweep-interval:5s}")
    public void refresh() {
        try {
            // A scheduler thread, not the event loop: the edge where waiting for the count is fine.
            Map<String, Long> counted = orders.countOpenByStatus().block(COUNT_TIMEOUT);
            if (counted != null) {
                OPEN.forEach(status -> open.get(status).set(counted.getOrDefault(status.name(), 0L)));
            }
        } catch (RuntimeException e) {
            log.warn("Could not count the open orders: {}", e.getMessage());
        }
    }
}
