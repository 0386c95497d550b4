package dev.shopflow.order.ordering.domain;

import dev.shopflow.order.money.Money;
import static dev.shopflow.order.ordering.domain.OrderFixtures.DEADLINE;
import static dev.shopflow.order.ordering.domain.OrderFixtures.PLACED_AT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shopflow.order.ordering.events.CancellationReason;
import dev.shopflow.order.ordering.events.OrderEvent;
import dev.shopflow.order.ordering.events.OrderEvent.OrderCancelled;
import dev.shopflow.order.ordering.events.OrderEvent.OrderConfirmed;
import dev.shopflow.order.ordering.events.OrderEvent.OrderPlaced;
import dev.shopflow.order.ordering.events.OrderEvent.PaymentRequested;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class OrderTest {

    private static final Instant LATER = PLACED_AT.plusSeconds(60);

    @Test
    void placesAPendingOrderAndAnnouncesItsLinesAndTotal() {
        UUID id = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        OrderLine mugs = OrderFixtures.line(1999, 2);
        OrderLine spoon = OrderFixtures.line(500, 1);

        Order.Placement placement = Order.place(id, user, List.of(mugs, spoon), "pm_card_visa", PLACED_AT);

        assertThat(placement.order().status()).isEqualTo(OrderStatus.PENDING);
        assertThat(placement.order().total()).isEqualTo(new Money(4498, "EUR"));
        assertThat(placement.order().cancellationReason()).isEmpty();
        OrderPlaced placed = placement.placed();
        assertThat(placed.orderId()).isEqualTo(id);
        assertThat(placed.userId()).isEqualTo(user);
        assertThat(placed.occurredAt()).isEqualTo(PLACED_AT);
        assertThat(placed.total()).isEqualTo(new Money(4498, "EUR"));
        assertThat(placed.items()).containsExactly(
                new OrderPlaced.Item(mugs.productId(), 2, new Money(1999, "EUR")),
                new OrderPlaced.Item(spoon.productId(), 1, new Money(500, "EUR")));
    }

    @Test
    void refusesToPlaceAnOrderWithoutLines() {
        assertThatThrownBy(() -> place(List.of())).isInstanceOf(InvalidOrder.class).hasMessageContaining("at least one");
    }

    @Test
    void refusesToPlaceAnOrderWithMoreThanFiftyLines() {
        List<OrderLine> lines = Stream.generate(() -> OrderFixtures.line(100, 1)).limit(51).toList();

        assertThatThrownBy(() -> place(lines)).isInstanceOf(InvalidOrder.class).hasMessageContaining("at most 50");
    }

    @Test
    void refusesToPlaceAnOrderNamingAProductTwice() {
        OrderLine mug = OrderFixtures.line(1999, 1);

        assertThatThrownBy(() -> place(List.of(mug, new OrderLine(mug.productId(), "Mug", mug.unitPrice(), 2))))
                .isInstanceOf(InvalidOrder.class).hasMessageContaining("more than one line");
    }

    @Test
    void refusesToPlaceAnOrderPricedInTwoCurrencies() {
        OrderLine euros = OrderFixtures.line(1999, 1);
        OrderLine dollars = new OrderLine(UUID.randomUUID(), "Cup", new Money(1000, "USD"), 1);

        assertThatThrownBy(() -> place(List.of(euros, dollars))).isInstanceOf(InvalidOrder.class)
                .hasMessageContaining("one currency");
    }

    @Test
    void refusesALineQuantityOutsideOneToNinetyNine() {
        assertThatThrownBy(() -> OrderFixtures.line(100, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OrderFixtures.line(100, 100)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void requestsThePaymentOfThePlacedTotalOnceStockIsReserved() {
        Order order = OrderFixtures.pending();

        PaymentRequested requested = order.requestPayment(LATER).orElseThrow();

        assertThat(order.status()).isEqualTo(OrderStatus.AWAITING_PAYMENT);
        assertThat(order.updatedAt()).isEqualTo(LATER);
        assertThat(requested.orderId()).isEqualTo(order.id());
        assertThat(requested.userId()).isEqualTo(order.userId());
        assertThat(requested.amount()).isEqualTo(new Money(4498, "EUR"));
        assertThat(requested.paymentMethod()).isEqualTo("pm_card_visa");
    }

    @Test
    void confirmsAnOrderWhosePaymentSucceededAndRemembersThePayment() {
        Order order = OrderFixtures.awaitingPayment();
        UUID payment = UUID.randomUUID();

        OrderEvent confirmed = order.confirm(payment, LATER).orElseThrow();

        assertThat(confirmed).isInstanceOf(OrderConfirmed.class);
        assertThat(order.status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(order.paymentId()).contains(payment);
        assertThat(order.sagaDuration()).contains(Duration.between(PLACED_AT, LATER));
    }

    @Test
    void announcesTheCancellationAgainWhenAPaymentSucceedsAfterItSoThatTheChargeIsRefunded() {
        Order order = OrderFixtures.cancelled(CancellationReason.TIMED_OUT);

        OrderEvent again = order.confirm(UUID.randomUUID(), LATER).orElseThrow();

        assertThat(again).isInstanceOfSatisfying(OrderCancelled.class,
                cancelled -> assertThat(cancelled.reason()).isEqualTo(CancellationReason.TIMED_OUT));
        assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(order.cancellationReason()).contains(CancellationReason.TIMED_OUT);
    }

    @Test
    void refusesToCancelAConfirmedOrderForTheCustomer() {
        Order order = OrderFixtures.confirmed();

        assertThatThrownBy(() -> order.cancelByCustomer(LATER)).isInstanceOf(OrderCannotBeCancelled.class);
        assertThat(order.status()).isEqualTo(OrderStatus.CONFIRMED);
    }

    @Test
    void timesOutAnOpenOrderOnlyOnceItsDeadlineHasPassed() {
        Order order = OrderFixtures.awaitingPayment();

        assertThat(order.timeOut(DEADLINE, PLACED_AT.plus(DEADLINE).minusMillis(1))).isEmpty();
        assertThat(order.status()).isEqualTo(OrderStatus.AWAITING_PAYMENT);

        assertThat(order.timeOut(DEADLINE, PLACED_AT.plus(DEADLINE))).hasValueSatisfying(
                cancelled -> assertThat(cancelled.reason()).isEqualTo(CancellationReason.TIMED_OUT));
        assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
    }

    @Test
    void restoresAStoredOrderAsItWas() {
        Order stored = OrderFixtures.confirmed();

        Order restored = Order.restore(stored.id(), stored.userId(), stored.lines(), stored.paymentMethod(),
                stored.createdAt(), stored.status(), null, stored.paymentId().orElseThrow(), stored.updatedAt());

        assertThat(restored.status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(restored.total()).isEqualTo(stored.total());
        assertThat(restored.paymentId()).isEqualTo(stored.paymentId());
    }

    @Test
    void refusesToRestoreACancelledOrderWithoutAReason() {
        Order stored = OrderFixtures.pending();

        assertThatThrownBy(() -> Order.restore(stored.id(), stored.userId(), stored.lines(), stored.paymentMethod(),
                stored.createdAt(), OrderStatus.CANCELLED, null, null, stored.updatedAt()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ---- The whole state machine: every state × every input. ----

    /** An input the saga can deliver to an order, as a call of its method. */
    enum Input {
        STOCK_RESERVED(order -> order.requestPayment(LATER)),
        STOCK_REJECTED(order -> order.cancelForLackOfStock(LATER)),
        PRICE_REJECTED(order -> order.cancelForChangedPrice(LATER)),
        PAYMENT_SUCCEEDED(order -> order.confirm(UUID.randomUUID(), LATER)),
        PAYMENT_FAILED(order -> order.cancelForDeclinedPayment(UUID.randomUUID(), LATER)),
        CUSTOMER_CANCELS(order -> order.cancelByCustomer(LATER)),
        DEADLINE_PASSED(order -> order.timeOut(DEADLINE, PLACED_AT.plus(DEADLINE))),
        DEADLINE_NOT_YET_PASSED(order -> order.timeOut(DEADLINE, LATER));

        private final Function<Order, Optional<? extends OrderEvent>> call;

        Input(Function<Order, Optional<? extends OrderEvent>> call) {
            this.call = call;
        }
    }

    /** An order in one state, as the fixtures reach it. */
    enum Start {
        PENDING(OrderFixtures::pending),
        AWAITING_PAYMENT(OrderFixtures::awaitingPayment),
        CONFIRMED(OrderFixtures::confirmed),
        CANCELLED_OUT_OF_STOCK(() -> OrderFixtures.cancelled(CancellationReason.OUT_OF_STOCK)),
        CANCELLED_PAYMENT_DECLINED(() -> OrderFixtures.cancelled(CancellationReason.PAYMENT_DECLINED)),
        CANCELLED_BY_CUSTOMER(() -> OrderFixtures.cancelled(CancellationReason.CUSTOMER_CANCELLED)),
        CANCELLED_TIMED_OUT(() -> OrderFixtures.cancelled(CancellationReason.TIMED_OUT)),
        CANCELLED_PRICE_CHANGED(() -> OrderFixtures.cancelled(CancellationReason.PRICE_CHANGED));

        private final Supplier<Order> order;

        Start(Supplier<Order> order) {
            this.order = order;
        }
    }

    /**
     * What an input does to an order in a state: the state and reason it ends in and the event type it announces
     * (null: none). An order in a terminal state never moves.
     */
    record Expected(Start from, Input input, OrderStatus to, CancellationReason reason, String announces) {
    }

    static final List<Expected> TABLE = table();

    private static List<Expected> table() {
        var rows = new ArrayList<Expected>();
        String requested = "shopflow.order.payment-requested.v1";
        String confirmed = "shopflow.order.confirmed.v1";
        String cancelled = "shopflow.order.cancelled.v1";
        // PENDING
        rows.add(row(Start.PENDING, Input.STOCK_RESERVED, OrderStatus.AWAITING_PAYMENT, null, requested));
        rows.add(row(Start.PENDING, Input.STOCK_REJECTED, OrderStatus.CANCELLED, CancellationReason.OUT_OF_STOCK, cancelled));
        rows.add(row(Start.PENDING, Input.PRICE_REJECTED, OrderStatus.CANCELLED, CancellationReason.PRICE_CHANGED, cancelled));
        rows.add(row(Start.PENDING, Input.PAYMENT_SUCCEEDED, OrderStatus.PENDING, null, null));
        rows.add(row(Start.PENDING, Input.PAYMENT_FAILED, OrderStatus.PENDING, null, null));
        rows.add(row(Start.PENDING, Input.CUSTOMER_CANCELS, OrderStatus.CANCELLED, CancellationReason.CUSTOMER_CANCELLED, cancelled));
        rows.add(row(Start.PENDING, Input.DEADLINE_PASSED, OrderStatus.CANCELLED, CancellationReason.TIMED_OUT, cancelled));
        rows.add(row(Start.PENDING, Input.DEADLINE_NOT_YET_PASSED, OrderStatus.PENDING, null, null));
        // AWAITING_PAYMENT
        rows.add(row(Start.AWAITING_PAYMENT, Input.STOCK_RESERVED, OrderStatus.AWAITING_PAYMENT, null, null));
        rows.add(row(Start.AWAITING_PAYMENT, Input.STOCK_REJECTED, OrderStatus.AWAITING_PAYMENT, null, null));
        rows.add(row(Start.AWAITING_PAYMENT, Input.PRICE_REJECTED, OrderStatus.AWAITING_PAYMENT, null, null));
        rows.add(row(Start.AWAITING_PAYMENT, Input.PAYMENT_SUCCEEDED, OrderStatus.CONFIRMED, null, confirmed));
        rows.add(row(Start.AWAITING_PAYMENT, Input.PAYMENT_FAILED, OrderStatus.CANCELLED, CancellationReason.PAYMENT_DECLINED, cancelled));
        rows.add(row(Start.AWAITING_PAYMENT, Input.CUSTOMER_CANCELS, OrderStatus.CANCELLED, CancellationReason.CUSTOMER_CANCELLED, cancelled));
        rows.add(row(Start.AWAITING_PAYMENT, Input.DEADLINE_PASSED, OrderStatus.CANCELLED, CancellationReason.TIMED_OUT, cancelled));
        rows.add(row(Start.AWAITING_PAYMENT, Input.DEADLINE_NOT_YET_PASSED, OrderStatus.AWAITING_PAYMENT, null, null));
        // CONFIRMED: nothing moves it; the customer is told it cannot be cancelled (a separate test).
        for (Input input : Input.values()) {
            if (input != Input.CUSTOMER_CANCELS) {
                rows.add(row(Start.CONFIRMED, input, OrderStatus.CONFIRMED, null, null));
            }
        }
        // CANCELLED, for every reason: nothing moves it; a late payment makes it announce the cancellation again.
        for (Start start : List.of(Start.CANCELLED_OUT_OF_STOCK, Start.CANCELLED_PAYMENT_DECLINED,
                Start.CANCELLED_BY_CUSTOMER, Start.CANCELLED_TIMED_OUT, Start.CANCELLED_PRICE_CHANGED)) {
            CancellationReason reason = start.order.get().cancellationReason().orElseThrow();
            for (Input input : Input.values()) {
                rows.add(row(start, input, OrderStatus.CANCELLED, reason,
                        input == Input.PAYMENT_SUCCEEDED ? cancelled : null));
            }
        }
        return Collections.unmodifiableList(rows);
    }

    private static Expected row(Start from, Input input, OrderStatus to, CancellationReason reason, String announces) {
        return new Expected(from, input, to, reason, announces);
    }

    static Stream<Arguments> everyStateAndInput() {
        return TABLE.stream().map(expected -> Arguments.of(expected.from(), expected.input(), expected));
    }

    @ParameterizedTest(name = "{0} + {1}")
    @MethodSource("everyStateAndInput")
    void movesEachStateOnEachInputAsTheSagaSays(Start from, Input input, Expected expected) {
        Order order = from.order.get();
        Instant updatedBefore = order.updatedAt();

        Optional<? extends OrderEvent> announced = input.call.apply(order);

        assertThat(order.status()).isEqualTo(expected.to());
        assertThat(order.cancellationReason()).isEqualTo(Optional.ofNullable(expected.reason()));
        assertThat(announced.map(OrderEvent::type)).isEqualTo(Optional.ofNullable(expected.announces()));
        announced.ifPresent(event -> assertThat(event.orderId()).isEqualTo(order.id()));
        if (expected.to() == statusOf(from)) {
            assertThat(order.updatedAt()).as("an input that does not move the order leaves it untouched")
                    .isEqualTo(updatedBefore);
        }
    }

    @ParameterizedTest
    @EnumSource(Start.class)
    void theTableCoversEveryInputForEveryState(Start from) {
        long inputs = TABLE.stream().filter(row -> row.from() == from).count();
        long expected = from == Start.CONFIRMED ? Input.values().length - 1 : Input.values().length;

        assertThat(inputs).isEqualTo(expected);
    }

    @Test
    void aDuplicateInputNeverMovesAnOrderTwice() {
        for (Start from : Start.values()) {
            for (Input input : Input.values()) {
                if (from == Start.CONFIRMED && input == Input.CUSTOMER_CANCELS) {
                    continue;
                }
                Order order = from.order.get();
                input.call.apply(order);
                OrderStatus afterFirst = order.status();
                Optional<CancellationReason> reasonAfterFirst = order.cancellationReason();

                Optional<? extends OrderEvent> second = input.call.apply(order);

                assertThat(order.status()).as(from + " + " + input + " twice").isEqualTo(afterFirst);
                assertThat(order.cancellationReason()).isEqualTo(reasonAfterFirst);
                if (input != Input.PAYMENT_SUCCEEDED || afterFirst != OrderStatus.CANCELLED) {
                    assertThat(second).as(from + " + " + input + " twice announces nothing").isEmpty();
                }
            }
        }
    }

    private static OrderStatus statusOf(Start start) {
        return start.order.get().status();
    }

    private static Order.Placement place(List<OrderLine> lines) {
        return Order.place(UUID.randomUUID(), UUID.randomUUID(), lines, "pm_card_visa", PLACED_AT);
    }
}
