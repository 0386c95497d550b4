package dev.shopflow.catalog.product;

import dev.shopflow.catalog.product.persistence.ProductRepository;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The gauge {@code shopflow_catalog_products_out_of_stock}: products (not deleted) with nothing available to order.
 * Counted from the database every {@code shopflow.catalog.out-of-stock-refresh} rather than on each scrape, so that
 * a scrape never waits for the database and every instance reports the same number.
 */
@Component
public class OutOfStockGauge {

    private static final Logger log = LoggerFactory.getLogger(OutOfStockGauge.class);
    private static final Duration COUNT_TIMEOUT = Duration.ofSeconds(10);

    private final ProductRepository products;
    private final AtomicLong outOfStock = new AtomicLong();

    public OutOfStockGauge(ProductRepository products, MeterRegistry registry) {
        this.products = products;
        Gauge.builder("shopflow.catalog.products.out.of.stock", outOfStock, AtomicLong::get)
                .description("Products in the catalog (not deleted) with nothing available to order")
                .register(registry);
    }

    /** Counts again; when the database does not answer, the gauge keeps its last value. */
    @Scheduled(initialDelay = 0, fixedDelayString = "${shopflow.catalog.out-of-stock-refresh}")
    public void refresh() {
        try {
            // A scheduler thread, not the event loop: the edge where waiting for the count is fine.
            Long counted = products.countOutOfStock().block(COUNT_TIMEOUT);
            if (counted != null) {
                outOfStock.set(counted);
            }
        } catch (RuntimeException e) {
            log.warn("Could not count the products out of stock: {}", e.getMessage());
        }
    }
}
