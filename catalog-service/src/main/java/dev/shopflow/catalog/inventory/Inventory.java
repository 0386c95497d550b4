package dev.shopflow.catalog.inventory;

import dev.shopflow.catalog.CatalogProperties;
import dev.shopflow.catalog.inventory.domain.Mispriced;
import dev.shopflow.catalog.inventory.domain.OrderLine;
import dev.shopflow.catalog.inventory.domain.OrderedPrice;
import dev.shopflow.catalog.inventory.domain.Price;
import dev.shopflow.catalog.inventory.domain.PriceCheck;
import dev.shopflow.catalog.inventory.domain.ReservationDecision;
import dev.shopflow.catalog.inventory.domain.Reservations;
import dev.shopflow.catalog.inventory.events.InventoryEvent;
import dev.shopflow.catalog.inventory.events.InventoryEvent.PriceRejected;
import dev.shopflow.catalog.inventory.events.InventoryEvent.StockRejected;
import dev.shopflow.catalog.inventory.events.InventoryEvent.StockReserved;
import dev.shopflow.catalog.inventory.events.InventoryEvent.Unavailable;
import dev.shopflow.catalog.inventory.events.OrderEvent;
import dev.shopflow.catalog.inventory.events.OrderEvent.OrderCancelled;
import dev.shopflow.catalog.inventory.events.OrderEvent.OrderConfirmed;
import dev.shopflow.catalog.inventory.events.OrderEvent.OrderPlaced;
import dev.shopflow.catalog.inventory.persistence.PublishedPriceRepository;
import dev.shopflow.catalog.inventory.persistence.StockRepository;
import dev.shopflow.catalog.inventory.persistence.StockRepository.ReservationEnd;
import dev.shopflow.platform.inbox.Inbox;
import dev.shopflow.platform.kafka.ReceivedEvent;
import dev.shopflow.platform.outbox.Outbox;
import dev.shopflow.platform.tracing.TracedLogging;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Applies order events to stock, each exactly once (platform's inbox) and in one transaction with the inventory
 * event it causes (platform's outbox):
 * <ul>
 *   <li>{@link OrderPlaced} → every line reserved, or none: {@link StockReserved}, or {@link StockRejected} when a
 *       line cannot be met, or {@link PriceRejected} when a unit price is not one catalog published (now, or
 *       replaced less than {@code shopflow.catalog.price-grace} ago);</li>
 *   <li>{@link OrderConfirmed} → the reservation is committed (the goods leave the shelf);</li>
 *   <li>{@link OrderCancelled} → the reservation is released (the goods go back).</li>
 * </ul>
 */
@Service
public class Inventory {

    /** The consumer name under which the inbox records applied events. */
    static final String CONSUMER = "catalog.inventory";

    private static final Logger log = LoggerFactory.getLogger(Inventory.class);

    private final StockRepository stock;
    private final PublishedPriceRepository prices;
    private final Duration priceGrace;
    private final Inbox inbox;
    private final Outbox outbox;
    private final Clock clock;
    private final MeterRegistry meters;

    public Inventory(StockRepository stock, PublishedPriceRepository prices, CatalogProperties properties, Inbox inbox,
            Outbox outbox, Clock clock, MeterRegistry meters) {
        this.stock = stock;
        this.prices = prices;
        this.priceGrace = properties.priceGrace();
        this.inbox = inbox;
        this.outbox = outbox;
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * Applies the event unless it was applied before.
     *
     * @return whether it was applied now ({@code false}: a duplicate, nothing changed)
     */
    public Mono<Boolean> apply(OrderEvent event, ReceivedEvent received) {
        Mono<?> effect = switch (event) {
            case OrderPlaced placed -> reserve(placed);
            case OrderConfirmed confirmed -> end(confirmed.orderId(), ReservationEnd.COMMITTED);
            case OrderCancelled cancelled -> end(cancelled.orderId(), ReservationEnd.RELEASED);
        };
        return inbox.applyOnce(CONSUMER, received, effect);
    }

    /**
     * Locks, in product order, every stock row the events may change: the products of placed orders and those the
     * confirmed or cancelled orders hold. Run first in a transaction that applies several events, it makes
     * transactions that apply events of other partitions at the same time wait for each other instead of locking
     * the same rows in different orders (a deadlock); each event's own locks are then held already.
     */
    public Mono<Void> lockStockOf(List<OrderEvent> events) {
        var products = new java.util.LinkedHashSet<UUID>();
        var orders = new java.util.LinkedHashSet<UUID>();
        for (OrderEvent event : events) {
            switch (event) {
                case OrderPlaced placed -> placed.items().forEach(item -> products.add(item.productId()));
                case OrderConfirmed confirmed -> orders.add(confirmed.orderId());
                case OrderCancelled cancelled -> orders.add(cancelled.orderId());
            }
        }
        return stock.lockFor(products, orders);
    }

    private Mono<Void> reserve(OrderPlaced order) {
        List<OrderLine> requested = order.items().stream()
                .map(item -> new OrderLine(item.productId(), item.quantity()))
                .toList();
        return stock.hasReservations(order.orderId()).flatMap(alreadyHeld -> {
            if (alreadyHeld) {
                return TracedLogging.log(() -> log.warn(
                        "Order {} was placed again under event {}; it already holds its stock",
                        order.orderId(), order.eventId()));
            }
            List<UUID> products = requested.stream().map(OrderLine::productId).toList();
            return stock.lockAvailable(products)
                    .flatMap(available -> switch (Reservations.decide(requested, available)) {
                        case ReservationDecision.Reserve reserve -> reserveAtPublishedPrices(order, reserve, products);
                        case ReservationDecision.Reject reject -> publish(new StockRejected(UUID.randomUUID(),
                                clock.instant(), order.orderId(), reject.unavailable().stream()
                                        .map(shortage -> new Unavailable(shortage.productId(), shortage.requested(),
                                                shortage.available()))
                                        .toList()))
                                .doOnSuccess(done -> count("shopflow.inventory.reservations", "rejected"));
                    });
        });
    }

    /** Holds the stock once every unit price is one catalog published; otherwise holds nothing and says why. */
    private Mono<Void> reserveAtPublishedPrices(OrderPlaced order, ReservationDecision.Reserve reserve,
            List<UUID> products) {
        Instant now = clock.instant();
        List<OrderedPrice> ordered = order.items().stream()
                .map(item -> new OrderedPrice(item.productId(),
                        new Price(item.unitPrice().amount(), item.unitPrice().currency())))
                .toList();
        return prices.of(products, now.minus(priceGrace)).flatMap(published -> {
            List<Mispriced> mispriced = PriceCheck.mispriced(ordered, published);
            if (!mispriced.isEmpty()) {
                // Never a customer's doing: order-service prices every line at catalog's price. A bug or tampering.
                return TracedLogging.log(() -> log.warn(
                                "Order {} carries prices catalog did not publish, so nothing is reserved: {}",
                                order.orderId(), mispriced))
                        .then(publish(new PriceRejected(UUID.randomUUID(), now, order.orderId(), mispriced.stream()
                                .map(line -> new InventoryEvent.Mispriced(line.productId(), money(line.unitPrice()),
                                        money(line.currentPrice())))
                                .toList())))
                        .doOnSuccess(done -> count("shopflow.inventory.reservations", "price-rejected"));
            }
            return stock.reserve(order.orderId(), reserve.lines(), now)
                    .then(publish(new StockReserved(UUID.randomUUID(), now, order.orderId())))
                    .doOnSuccess(done -> count("shopflow.inventory.reservations", "reserved"));
        });
    }

    private static InventoryEvent.Money money(Price price) {
        return new InventoryEvent.Money(price.amount(), price.currency());
    }

    private Mono<Long> end(UUID orderId, ReservationEnd end) {
        return stock.end(orderId, end, clock.instant())
                .doOnNext(lines -> {
                    if (lines > 0) {
                        count("shopflow.inventory.reservations.ended", end.name().toLowerCase());
                    }
                });
    }

    private Mono<Void> publish(InventoryEvent event) {
        return outbox.append(InventoryEvent.TOPIC, event.orderId().toString(), event);
    }

    private void count(String name, String outcome) {
        meters.counter(name, "outcome", outcome).increment();
    }
}
