package dev.shopflow.order.ordering;

import dev.shopflow.order.money.Money;
import dev.shopflow.order.ordering.domain.Order;
import dev.shopflow.order.ordering.domain.OrderStatus;
import dev.shopflow.order.ordering.events.OrderEvent;
import dev.shopflow.order.ordering.events.OrderEvent.OrderCancelled;
import dev.shopflow.order.ordering.events.OrderEvent.OrderConfirmed;
import dev.shopflow.order.ordering.events.OrderEvent.OrderPlaced;
import dev.shopflow.order.ordering.events.OrderEvent.PaymentRequested;
import dev.shopflow.order.ordering.persistence.OrderRepository;
import dev.shopflow.order.ordering.persistence.TimelineRepository;
import dev.shopflow.platform.outbox.Outbox;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Mono;

/**
 * Writes what happened to an order, in the caller's transaction: its new state (and the notification that tells the
 * order streams, {@link OrderChanges}), the event it announces (outbox), and the step in its timeline; the metrics
 * follow once the transaction commits. The one place that writes an order, so that the three never disagree.
 */
@Component
class OrderWriter {

    /** The actor name of this service in timelines. */
    static final String ORDER_SERVICE = "order-service";

    private final OrderRepository orders;
    private final TimelineRepository timeline;
    private final Outbox outbox;
    private final OrderMetrics metrics;
    private final OrderChanges changes;

    OrderWriter(OrderRepository orders, TimelineRepository timeline, Outbox outbox, OrderMetrics metrics,
            OrderChanges changes) {
        this.orders = orders;
        this.timeline = timeline;
        this.outbox = outbox;
        this.metrics = metrics;
        this.changes = changes;
    }

    /** Stores a newly placed order and announces it. */
    Mono<Void> storePlaced(Order order, OrderPlaced placed) {
        return orders.insert(order).then(announce(placed)).then(afterCommit(order));
    }

    /**
     * Stores what a domain method did to a locked order: its new state if it moved from {@code before}, and the event
     * if it announced one.
     */
    Mono<Void> storeChange(Order order, OrderStatus before, Optional<? extends OrderEvent> announced) {
        Mono<Void> state = order.status() == before ? Mono.empty()
                : orders.update(order).then(changes.announce(order)).then(afterCommit(order));
        return state.then(announced.map(this::announce).orElse(Mono.empty()));
    }

    /** Records a step taken by another service (or a step that changed nothing) in the order's timeline. */
    Mono<Void> noteStep(UUID orderId, Instant occurredAt, String step, String actor, String detail) {
        return timeline.append(orderId, new TimelineRepository.Entry(occurredAt, step, actor, detail));
    }

    private Mono<Void> announce(OrderEvent event) {
        String detail = switch (event) {
            case OrderPlaced placed -> placed.items().size() + " line(s), total " + format(placed.total());
            case PaymentRequested requested -> format(requested.amount()) + " with " + requested.paymentMethod();
            case OrderConfirmed confirmed -> null;
            case OrderCancelled cancelled -> cancelled.reason().name();
        };
        String step = switch (event) {
            case OrderPlaced placed -> "ORDER_PLACED";
            case PaymentRequested requested -> "PAYMENT_REQUESTED";
            case OrderConfirmed confirmed -> "ORDER_CONFIRMED";
            case OrderCancelled cancelled -> "ORDER_CANCELLED";
        };
        return outbox.append(OrderEvent.TOPIC, event.orderId().toString(), event)
                .then(noteStep(event.orderId(), event.occurredAt(), step, ORDER_SERVICE, detail));
    }

    private Mono<Void> afterCommit(Order order) {
        return TransactionSynchronizationManager.forCurrentTransaction()
                .doOnNext(transaction -> transaction.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public Mono<Void> afterCommit() {
                        return Mono.fromRunnable(() -> metrics.reached(order));
                    }
                }))
                .then();
    }

    /** Such as {@code 39.98 EUR}: minor units shown in the currency's usual decimals. */
    private static String format(Money money) {
        int decimals;
        try {
            decimals = Math.max(0, Currency.getInstance(money.currency()).getDefaultFractionDigits());
        } catch (IllegalArgumentException notIso) {
            decimals = 2;
        }
        return BigDecimal.valueOf(money.amount(), decimals).toPlainString() + " " + money.currency();
    }
}
