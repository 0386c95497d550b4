package dev.shopflow.order.ordering.domain;

import dev.shopflow.order.money.Money;
import dev.shopflow.order.ordering.events.CancellationReason;
import dev.shopflow.order.ordering.events.OrderEvent;
import dev.shopflow.order.ordering.events.OrderEvent.OrderCancelled;
import dev.shopflow.order.ordering.events.OrderEvent.OrderConfirmed;
import dev.shopflow.order.ordering.events.OrderEvent.OrderPlaced;
import dev.shopflow.order.ordering.events.OrderEvent.PaymentRequested;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * An order and the saga that takes it from {@link OrderStatus#PENDING} to {@link OrderStatus#CONFIRMED} or
 * {@link OrderStatus#CANCELLED}:
 *
 * <pre>
 * PENDING ── stock reserved ──▶ AWAITING_PAYMENT ── payment succeeded ──▶ CONFIRMED
 *    │ stock or price rejected, customer,       │ payment failed, customer, time-out
 *    │ time-out                                 │
 *    └──────────────────────────────────────────┴──────────────────────────────▶ CANCELLED(reason)
 * </pre>
 *
 * Every method that reacts to the saga answers the event the order announces, or nothing when the input does not
 * move it: events arrive at least once and may arrive late, so a duplicate, or anything that reaches an order in
 * a terminal state, changes nothing. The one exception is money: a payment that succeeds after the order was
 * cancelled makes the order announce its cancellation again, so that the late charge is refunded.
 */
public final class Order {

    public static final int MAX_LINES = 50;

    private final UUID id;
    private final UUID userId;
    private final List<OrderLine> lines;
    private final Money total;
    private final String paymentMethod;
    private final Instant createdAt;
    private OrderStatus status;
    private CancellationReason cancellationReason;
    private UUID paymentId;
    private Instant updatedAt;

    private Order(UUID id, UUID userId, List<OrderLine> lines, String paymentMethod, Instant createdAt,
            OrderStatus status, CancellationReason cancellationReason, UUID paymentId, Instant updatedAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.userId = Objects.requireNonNull(userId, "userId");
        this.lines = List.copyOf(lines);
        this.total = totalOf(this.lines);
        this.paymentMethod = Objects.requireNonNull(paymentMethod, "paymentMethod");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.status = Objects.requireNonNull(status, "status");
        this.cancellationReason = cancellationReason;
        this.paymentId = paymentId;
        this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
        if ((status == OrderStatus.CANCELLED) != (cancellationReason != null)) {
            throw new IllegalArgumentException("An order has a cancellation reason exactly when it is cancelled");
        }
    }

    /** A placed order and the event that announces it. */
    public record Placement(Order order, OrderPlaced placed) {
    }

    /**
     * Places a new order: {@link OrderStatus#PENDING}, waiting for its stock.
     *
     * @return the order and its {@link OrderPlaced}
     * @throws InvalidOrder when there are no lines or more than {@value #MAX_LINES}, a product appears twice, or
     *                      the prices are in more than one currency
     */
    public static Placement place(UUID id, UUID userId, List<OrderLine> lines, String paymentMethod, Instant now) {
        if (lines.isEmpty()) {
            throw new InvalidOrder("items", "An order has at least one line.");
        }
        if (lines.size() > MAX_LINES) {
            throw new InvalidOrder("items", "An order has at most " + MAX_LINES + " lines.");
        }
        var products = new HashSet<UUID>();
        for (OrderLine line : lines) {
            if (!products.add(line.productId())) {
                throw new InvalidOrder("items", "Product " + line.productId() + " appears in more than one line.");
            }
        }
        if (lines.stream().map(line -> line.unitPrice().currency()).distinct().count() > 1) {
            throw new InvalidOrder("items", "All lines of an order are priced in one currency.");
        }
        var order = new Order(id, userId, lines, paymentMethod, now, OrderStatus.PENDING, null, null, now);
        var placed = new OrderPlaced(UUID.randomUUID(), now, id, userId, lines.stream()
                .map(line -> new OrderPlaced.Item(line.productId(), line.quantity(), line.unitPrice()))
                .toList(), order.total);
        return new Placement(order, placed);
    }

    /** An order as it was stored; no rule is applied and nothing is announced. */
    public static Order restore(UUID id, UUID userId, List<OrderLine> lines, String paymentMethod, Instant createdAt,
            OrderStatus status, CancellationReason cancellationReason, UUID paymentId, Instant updatedAt) {
        return new Order(id, userId, lines, paymentMethod, createdAt, status, cancellationReason, paymentId,
                updatedAt);
    }

    /**
     * Catalog holds every line: the order waits for payment.
     *
     * @return {@link PaymentRequested} when the order was {@code PENDING}; otherwise nothing changes
     */
    public Optional<PaymentRequested> requestPayment(Instant now) {
        if (status != OrderStatus.PENDING) {
            return Optional.empty();
        }
        moveTo(OrderStatus.AWAITING_PAYMENT, null, now);
        return Optional.of(new PaymentRequested(UUID.randomUUID(), now, id, userId, total, paymentMethod));
    }

    /**
     * Catalog could not hold every line.
     *
     * @return {@link OrderCancelled} ({@code OUT_OF_STOCK}) when the order was {@code PENDING}; otherwise nothing
     */
    public Optional<OrderCancelled> cancelForLackOfStock(Instant now) {
        return status == OrderStatus.PENDING ? Optional.of(cancel(CancellationReason.OUT_OF_STOCK, now))
                : Optional.empty();
    }

    /**
     * Catalog refused to reserve the order because a unit price is not one it published.
     *
     * @return {@link OrderCancelled} ({@code PRICE_CHANGED}) when the order was {@code PENDING}; otherwise nothing
     */
    public Optional<OrderCancelled> cancelForChangedPrice(Instant now) {
        return status == OrderStatus.PENDING ? Optional.of(cancel(CancellationReason.PRICE_CHANGED, now))
                : Optional.empty();
    }

    /**
     * The payment succeeded.
     *
     * @return {@link OrderConfirmed} when the order was awaiting payment; {@link OrderCancelled} again (its
     * original reason) when it had been cancelled, so that payment refunds the charge; otherwise nothing
     */
    public Optional<OrderEvent> confirm(UUID paymentId, Instant now) {
        return switch (status) {
            case AWAITING_PAYMENT -> {
                this.paymentId = paymentId;
                moveTo(OrderStatus.CONFIRMED, null, now);
                yield Optional.of(new OrderConfirmed(UUID.randomUUID(), now, id));
            }
            case CANCELLED -> Optional.of(new OrderCancelled(UUID.randomUUID(), now, id, cancellationReason));
            case PENDING, CONFIRMED -> Optional.empty();
        };
    }

    /**
     * The payment provider declined the charge.
     *
     * @return {@link OrderCancelled} ({@code PAYMENT_DECLINED}) when the order was awaiting payment; otherwise
     * nothing
     */
    public Optional<OrderCancelled> cancelForDeclinedPayment(UUID paymentId, Instant now) {
        if (status != OrderStatus.AWAITING_PAYMENT) {
            return Optional.empty();
        }
        this.paymentId = paymentId;
        return Optional.of(cancel(CancellationReason.PAYMENT_DECLINED, now));
    }

    /**
     * The customer cancels the order before it is paid.
     *
     * @return {@link OrderCancelled} ({@code CUSTOMER_CANCELLED}); nothing when it was cancelled already
     * @throws OrderCannotBeCancelled when it is confirmed (paid)
     */
    public Optional<OrderCancelled> cancelByCustomer(Instant now) {
        return switch (status) {
            case PENDING, AWAITING_PAYMENT -> Optional.of(cancel(CancellationReason.CUSTOMER_CANCELLED, now));
            case CANCELLED -> Optional.empty();
            case CONFIRMED -> throw new OrderCannotBeCancelled(id, status);
        };
    }

    /**
     * Gives up on an order that has not reached a terminal state within {@code deadline} of being placed.
     *
     * @return {@link OrderCancelled} ({@code TIMED_OUT}) when it is open and overdue; otherwise nothing
     */
    public Optional<OrderCancelled> timeOut(Duration deadline, Instant now) {
        boolean overdue = !createdAt.plus(deadline).isAfter(now);
        return !status.isTerminal() && overdue ? Optional.of(cancel(CancellationReason.TIMED_OUT, now))
                : Optional.empty();
    }

    /** How long the saga took from placement to the terminal state; empty while it is open. */
    public Optional<Duration> sagaDuration() {
        return status.isTerminal() ? Optional.of(Duration.between(createdAt, updatedAt)) : Optional.empty();
    }

    private OrderCancelled cancel(CancellationReason reason, Instant now) {
        moveTo(OrderStatus.CANCELLED, reason, now);
        return new OrderCancelled(UUID.randomUUID(), now, id, reason);
    }

    private void moveTo(OrderStatus next, CancellationReason reason, Instant now) {
        this.status = next;
        this.cancellationReason = reason;
        this.updatedAt = now;
    }

    private static Money totalOf(List<OrderLine> lines) {
        return lines.stream().map(OrderLine::total).reduce(Money::plus)
                .orElseThrow(() -> new InvalidOrder("items", "An order has at least one line."));
    }

    public UUID id() {
        return id;
    }

    public UUID userId() {
        return userId;
    }

    public List<OrderLine> lines() {
        return lines;
    }

    public Money total() {
        return total;
    }

    public String paymentMethod() {
        return paymentMethod;
    }

    public OrderStatus status() {
        return status;
    }

    /** Set exactly when the order is {@link OrderStatus#CANCELLED}. */
    public Optional<CancellationReason> cancellationReason() {
        return Optional.ofNullable(cancellationReason);
    }

    /** The payment that confirmed or declined the order, once there is one. */
    public Optional<UUID> paymentId() {
        return Optional.ofNullable(paymentId);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
