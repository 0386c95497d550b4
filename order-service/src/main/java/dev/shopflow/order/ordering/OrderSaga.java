package dev.shopflow.order.ordering;

import dev.shopflow.order.money.Money;
import dev.shopflow.order.ordering.domain.Order;
import dev.shopflow.order.ordering.domain.OrderStatus;
import dev.shopflow.order.ordering.events.InventoryEvent;
import dev.shopflow.order.ordering.events.InventoryEvent.PriceRejected;
import dev.shopflow.order.ordering.events.InventoryEvent.StockRejected;
import dev.shopflow.order.ordering.events.InventoryEvent.StockReserved;
import dev.shopflow.order.ordering.events.OrderEvent;
import dev.shopflow.order.ordering.events.PaymentEvent;
import dev.shopflow.order.ordering.events.PaymentEvent.PaymentFailed;
import dev.shopflow.order.ordering.events.PaymentEvent.PaymentRefunded;
import dev.shopflow.order.ordering.events.PaymentEvent.PaymentSucceeded;
import dev.shopflow.order.ordering.events.SagaEvent;
import dev.shopflow.order.ordering.persistence.OrderRepository;
import dev.shopflow.order.ordering.persistence.TimelineRepository;
import dev.shopflow.platform.inbox.Inbox;
import dev.shopflow.platform.kafka.ReceivedEvent;
import dev.shopflow.platform.tracing.TracedLogging;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Currency;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Moves orders on what catalog and payment announce, each event exactly once (platform's inbox) and in one
 * transaction with the order's new state, the event it announces in turn (outbox) and its timeline:
 * <ul>
 *   <li>{@link StockReserved} → {@code AWAITING_PAYMENT}, {@code PaymentRequested};</li>
 *   <li>{@link StockRejected} → {@code CANCELLED(OUT_OF_STOCK)}, {@code OrderCancelled};</li>
 *   <li>{@link PriceRejected} → {@code CANCELLED(PRICE_CHANGED)}, {@code OrderCancelled};</li>
 *   <li>{@link PaymentSucceeded} → {@code CONFIRMED}, {@code OrderConfirmed}; on a cancelled order,
 *       {@code OrderCancelled} again so that payment refunds the charge;</li>
 *   <li>{@link PaymentFailed} → {@code CANCELLED(PAYMENT_DECLINED)}, {@code OrderCancelled};</li>
 *   <li>{@link PaymentRefunded} → the timeline only.</li>
 * </ul>
 * An event that does not move the order (late, or about an order in another state) is still written in its
 * timeline, saying so.
 */
@Service
public class OrderSaga {

    /** The consumer name under which the inbox records applied events. */
    static final String CONSUMER = "order.saga";

    private static final Logger log = LoggerFactory.getLogger(OrderSaga.class);

    private final OrderRepository orders;
    private final OrderWriter writer;
    private final Inbox inbox;
    private final Clock clock;

    OrderSaga(OrderRepository orders, OrderWriter writer, Inbox inbox, Clock clock) {
        this.orders = orders;
        this.writer = writer;
        this.inbox = inbox;
        this.clock = clock;
    }

    /**
     * Applies the event unless it was applied before, in one transaction with the inbox's record of it.
     *
     * @return whether it was applied now ({@code false}: a duplicate, nothing changed)
     */
    public Mono<Boolean> apply(SagaEvent event, ReceivedEvent received) {
        // The warning sits before the move: after it, an applied event (a Mono<Void>, always empty) would warn too.
        Mono<Void> effect = orders.lock(event.orderId())
                .switchIfEmpty(TracedLogging.logThen(() -> log.warn(
                        "Event {} ({}) is about order {}, which this service does not know; it changes nothing",
                        received.id(), received.type(), event.orderId()), Mono::empty))
                .flatMap(order -> move(order, event));
        return inbox.applyOnce(CONSUMER, received, effect);
    }

    private Mono<Void> move(Order order, SagaEvent event) {
        Instant now = clock.instant();
        OrderStatus before = order.status();
        Optional<? extends OrderEvent> announced = switch (event) {
            case StockReserved reserved -> order.requestPayment(now);
            case StockRejected rejected -> order.cancelForLackOfStock(now);
            case PriceRejected rejected -> order.cancelForChangedPrice(now);
            case PaymentSucceeded succeeded -> order.confirm(succeeded.paymentId(), now);
            case PaymentFailed failed -> order.cancelForDeclinedPayment(failed.paymentId(), now);
            case PaymentRefunded refunded -> Optional.empty();
        };
        var taken = new TimelineRepository.Entry(event.occurredAt(), step(event), actor(event), detail(event, before, order));
        return writer.storeStep(taken, order, before, announced);
    }

    private static String step(SagaEvent event) {
        return switch (event) {
            case StockReserved reserved -> "STOCK_RESERVED";
            case StockRejected rejected -> "STOCK_REJECTED";
            case PriceRejected rejected -> "PRICE_REJECTED";
            case PaymentSucceeded succeeded -> "PAYMENT_SUCCEEDED";
            case PaymentFailed failed -> "PAYMENT_FAILED";
            case PaymentRefunded refunded -> "PAYMENT_REFUNDED";
        };
    }

    private static String actor(SagaEvent event) {
        return switch (event) {
            case InventoryEvent inventory -> "catalog-service";
            case PaymentEvent payment -> "payment-service";
        };
    }

    /** What the timeline says beyond the step: the event's particulars, and whether it moved the order. */
    private static String detail(SagaEvent event, OrderStatus before, Order after) {
        String particulars = switch (event) {
            case StockRejected rejected -> rejected.unavailable().stream()
                    .map(line -> line.productId() + ": " + line.requested() + " requested, " + line.available()
                            + " available")
                    .collect(Collectors.joining("; "));
            case PriceRejected rejected -> rejected.mispriced().stream()
                    .map(line -> line.productId() + ": ordered at " + amount(line.unitPrice()) + ", catalog asks "
                            + amount(line.currentPrice()))
                    .collect(Collectors.joining("; "));
            case PaymentFailed failed -> failed.declineCode() == null ? failed.reason()
                    : failed.declineCode() + (failed.reason() == null ? "" : ": " + failed.reason());
            case StockReserved reserved -> null;
            case PaymentSucceeded succeeded -> null;
            case PaymentRefunded refunded -> null;
        };
        String effect = null;
        if (event instanceof PaymentSucceeded && before == OrderStatus.CANCELLED) {
            effect = "The order was already cancelled: its cancellation is announced again, for a refund.";
        } else if (after.status() == before && !(event instanceof PaymentRefunded)) {
            effect = "No change: the order was already " + before + ".";
        }
        if (particulars == null || particulars.isEmpty()) {
            return effect;
        }
        return effect == null ? particulars : particulars + " " + effect;
    }

    /** 1999 EUR as "19.99 EUR", since people read the timeline; minor units for a currency the JDK does not know. */
    private static String amount(Money money) {
        if (money == null) {
            return "no price";
        }
        try {
            int digits = Math.max(0, Currency.getInstance(money.currency()).getDefaultFractionDigits());
            return BigDecimal.valueOf(money.amount(), digits).toPlainString() + " " + money.currency();
        } catch (IllegalArgumentException unknownCurrency) {
            return money.amount() + " " + money.currency() + " (minor units)";
        }
    }
}
