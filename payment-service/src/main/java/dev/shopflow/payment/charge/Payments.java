package dev.shopflow.payment.charge;

import static dev.shopflow.payment.charge.PaymentTransitions.events;

import dev.shopflow.payment.charge.domain.Payment;
import dev.shopflow.payment.charge.events.OrderEvent;
import dev.shopflow.payment.charge.events.PaymentEvent;
import dev.shopflow.payment.charge.persistence.OrderCancellationRepository;
import dev.shopflow.payment.charge.persistence.PaymentRepository;
import dev.shopflow.payment.provider.ChargeOutcome;
import dev.shopflow.payment.provider.ChargeRequest;
import dev.shopflow.payment.provider.PaymentGateway;
import dev.shopflow.payment.provider.RefundOutcome;
import dev.shopflow.payment.provider.RefundRequest;
import dev.shopflow.platform.inbox.Inbox;
import dev.shopflow.platform.kafka.ReceivedEvent;
import dev.shopflow.platform.security.AuthenticatedUser;
import dev.shopflow.platform.tracing.TracedLogging;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Charging and refunding: one payment per order, charged once, refunded once. (Following what the provider reports
 * on its own is {@link ProviderReports}.)
 *
 * <p>Charging is two steps, so that no database transaction waits on the provider: {@link #request} records the
 * payment as pending (in the transaction that records the event as received), then {@link #charge} calls the
 * provider with an idempotency key derived from the order id and records its answer with the event it produces.
 * Both steps can run again at any time and change nothing the second time: the unique order id keeps one payment, the
 * idempotency key keeps one charge, and only a pending payment is charged.
 *
 * <p>A cancellation is remembered ({@link #recordCancellation}); a cancelled order is never charged, and a cancelled
 * order's charge is refunded ({@link #refundIfCancelled}), whichever of the two arrives first.
 */
@Service
public class Payments {

    /** The consumer name under which the inbox records applied order events. */
    static final String CONSUMER = "payment.orders";

    private static final Logger log = LoggerFactory.getLogger(Payments.class);

    private final PaymentRepository payments;
    private final OrderCancellationRepository cancellations;
    private final PaymentGateway gateway;
    private final PaymentTransitions transitions;
    private final Inbox inbox;
    private final TransactionalOperator transactions;
    private final Clock clock;

    Payments(PaymentRepository payments, OrderCancellationRepository cancellations, PaymentGateway gateway,
            PaymentTransitions transitions, Inbox inbox, TransactionalOperator transactions, Clock clock) {
        this.payments = payments;
        this.cancellations = cancellations;
        this.gateway = gateway;
        this.transitions = transitions;
        this.inbox = inbox;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Applies an order event's own effect, unless it was applied before, in one transaction with the inbox's record
     * of it: {@code PaymentRequested} records the payment ({@link #request}), {@code OrderCancelled} the
     * cancellation ({@link #recordCancellation}). The provider's step that follows ({@link #charge},
     * {@link #refundIfCancelled}) is the caller's to run after it, outside the transaction.
     *
     * @return whether it was applied now ({@code false}: a duplicate, nothing changed)
     */
    public Mono<Boolean> apply(OrderEvent event, ReceivedEvent received) {
        Mono<Void> effect = switch (event) {
            case OrderEvent.PaymentRequested requested -> request(new RequestPaymentCommand(requested.orderId(),
                    requested.userId(), requested.amount(), requested.paymentMethod()));
            case OrderEvent.OrderCancelled cancelled ->
                    recordCancellation(cancelled.orderId(), cancelled.reason(), cancelled.occurredAt());
        };
        return inbox.applyOnce(CONSUMER, received, effect);
    }

    /**
     * Records the payment an order asks for: pending, for {@link #charge} to charge. When the order was cancelled
     * already, the payment fails at once without a call to the provider ({@code PaymentFailed}, no decline code).
     * A second request for the same order changes nothing.
     */
    public Mono<Void> request(RequestPaymentCommand command) {
        return transactions.transactional(cancellations.isCancelled(command.orderId()).flatMap(cancelled -> {
            Instant now = clock.instant();
            var payment = Payment.request(command.orderId(), command.userId(), command.amount(),
                    command.paymentMethod(), gateway.name());
            List<PaymentEvent> produced = cancelled ? events(payment.failBecauseOrderWasCancelled(now)) : List.of();
            return payments.insertIfOrderHasNone(payment, now).flatMap(inserted -> {
                if (!inserted) {
                    return TracedLogging.log(() ->
                            log.info("Order {} asked for a payment again; it has one already", command.orderId()));
                }
                return transitions.publishAndCount(produced);
            });
        }));
    }

    /**
     * Charges the order's payment if it is pending, records the provider's answer and emits
     * {@code PaymentSucceeded} or {@code PaymentFailed} (a decline with its code, or the provider's unavailability
     * with its reason). An answer that the provider will confirm later leaves the payment pending for a webhook. If
     * the order was cancelled meanwhile, a successful charge is refunded at once.
     *
     * @throws RefundNotMade (as the error signal) when that refund could not be made now
     */
    public Mono<Void> charge(UUID orderId) {
        return payments.findByOrderId(orderId)
                .filter(Payment::isPending)
                .flatMap(payment -> gateway.charge(ChargeRequest.forOrder(orderId, payment.amount().amount(),
                        payment.amount().currency(), payment.paymentMethod())))
                .flatMap(outcome -> transitions.change(payments.findByOrderId(orderId),
                        payment -> settle(payment, outcome)))
                .then(Mono.defer(() -> refundIfCancelled(orderId)));
    }

    /** Remembers that the order is cancelled: from now on it is not charged. A second cancellation changes nothing. */
    public Mono<Void> recordCancellation(UUID orderId, String reason, Instant cancelledAt) {
        return cancellations.record(orderId, reason, cancelledAt);
    }

    /**
     * Refunds the whole charge of a cancelled order and emits {@code PaymentRefunded}. Nothing happens when the order
     * is not cancelled, or nothing is charged (no payment, pending, failed, refunded already): it can run as often as
     * the events that lead to it arrive.
     *
     * @throws RefundNotMade (as the error signal) when the provider refused or could not be reached
     */
    public Mono<Void> refundIfCancelled(UUID orderId) {
        return cancellations.isCancelled(orderId)
                .filter(Boolean::booleanValue)
                .flatMap(cancelled -> payments.findByOrderId(orderId))
                .filter(Payment::isCharged)
                .flatMap(payment -> gateway.refund(RefundRequest.forOrder(orderId, payment.providerPaymentId(),
                                payment.amount().amount(), payment.amount().currency()))
                        .flatMap(outcome -> switch (outcome) {
                            case RefundOutcome.Refunded refunded -> transactions.transactional(
                                    transitions.change(payments.findByOrderId(orderId), transitions::refund)
                                            .flatMap(changed -> transitions.recordRefund(changed,
                                                    refunded.providerRefundId())));
                            case RefundOutcome.Rejected rejected -> Mono.error(new RefundNotMade(orderId, rejected.reason()));
                            case RefundOutcome.ProviderUnavailable unavailable ->
                                    Mono.error(new RefundNotMade(orderId, unavailable.reason()));
                        }))
                .then();
    }

    /**
     * The order's payment, to its customer and administrators.
     *
     * @return a list of the order's payments (one, today)
     * @throws PaymentNotFound when the order has none, or it is someone else's (the same answer, so that another
     *                         customer's orders cannot be probed)
     */
    public Mono<List<Payment>> findForOrder(UUID orderId, AuthenticatedUser caller) {
        return payments.findByOrderId(orderId)
                .filter(payment -> caller.mayAccessResourceOf(payment.userId()))
                .map(List::of)
                .switchIfEmpty(Mono.error(() -> new PaymentNotFound(orderId)));
    }

    private List<PaymentEvent> settle(Payment payment, ChargeOutcome outcome) {
        Instant now = clock.instant();
        return switch (outcome) {
            case ChargeOutcome.Charged charged -> events(payment.succeed(charged.providerPaymentId(), now));
            case ChargeOutcome.Declined declined ->
                    events(payment.fail(declined.providerPaymentId(), declined.declineCode(), declined.reason(), now));
            case ChargeOutcome.ProviderUnavailable unavailable -> events(payment.fail(null, null, unavailable.reason(), now));
            case ChargeOutcome.AwaitingConfirmation awaiting -> {
                payment.awaitConfirmation(awaiting.providerPaymentId());
                yield List.of();
            }
        };
    }
}
