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
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Mono;

/**
 * Writes what happened to an order, in the caller's transaction: its new state (whose update notifies the order
 * streams, {@link OrderChanges}), the event it announces (outbox), and the steps in its timeline; the metrics follow
 * once the transaction commits. The one place that writes an order, so that the three never disagree.
 */
@Component
class OrderWriter {

    /** The actor name of this service in timelines. */
    static final String ORDER_SERVICE = "order-service";

    private final OrderRepository orders;
    private final TimelineRepository timeline;
    private final Outbox outbox;
    private final OrderMetrics metrics;

    OrderWriter(OrderRepository orders, TimelineRepository timeline, Outbox outbox, OrderMetrics metrics) {
        this.orders = orders;
        this.timeline = timeline;
        this.outbox = outbox;
        this.metrics = metrics;
    }

    /** Stores a newly placed order and announces it. */
    Mono<Void> storePlaced(Order order, OrderPlaced placed) {
        return orders.insert(order).then(announce(placed, List.of())).then(afterCommit(order));
    }

    /**
     * Stores what a domain method did to a locked order: its new state if it moved from {@code before}, and the event
     * if it announced one.
     */
    Mono<Void> storeChange(Order order, OrderStatus before, Optional<? extends OrderEvent> announced) {
        return storeChange(order, before, announced, List.of());
    }

    /**
     * As {@link #storeChange(Order, OrderStatus, Optional)}, for a step another service took ({@code taken}, which
     * the timeline records first, even when it changed nothing): its entry and that of the event this service
     * announces in reply are written with one statement.
     */
    Mono<Void> storeStep(TimelineRepository.Entry taken, Order order, OrderStatus before,
            Optional<? extends OrderEvent> announced) {
        return storeChange(order, before, announced, List.of(taken));
    }

    private Mono<Void> storeChange(Order order, OrderStatus before, Optional<? extends OrderEvent> announced,
            List<TimelineRepository.Entry> taken) {
        // The update notifies the order streams by itself (a trigger, OrderChanges).
        Mono<Void> state = order.status() == before ? Mono.empty() : orders.update(order).then(afterCommit(order));
        return state.then(announced.<Mono<Void>>map(event -> announce(event, taken))
                .orElseGet(() -> timeline.append(order.id(), taken)));
    }

    /** The event in the outbox, then the timeline: the steps that led to it, and its own. */
    private Mono<Void> announce(OrderEvent event, List<TimelineRepository.Entry> taken) {
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
        var steps = new ArrayList<>(taken);
        steps.add(new TimelineRepository.Entry(event.occurredAt(), step, ORDER_SERVICE, detail));
        return outbox.append(OrderEvent.TOPIC, event.orderId().toString(), event)
                .then(timeline.append(event.orderId(), steps));
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
