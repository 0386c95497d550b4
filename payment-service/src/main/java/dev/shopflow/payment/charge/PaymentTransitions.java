package dev.shopflow.payment.charge;

import dev.shopflow.payment.charge.domain.Payment;
import dev.shopflow.payment.charge.domain.PaymentCannotBeRefunded;
import dev.shopflow.payment.charge.domain.PaymentStatus;
import dev.shopflow.payment.charge.events.PaymentEvent;
import dev.shopflow.payment.charge.persistence.PaymentRepository;
import dev.shopflow.payment.charge.persistence.RefundRepository;
import dev.shopflow.platform.outbox.Outbox;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * How a payment changes, whoever changes it ({@link Payments} charging and refunding, {@link ProviderReports}
 * following the provider): load it, apply a domain transition, store it with the events the transition produced —
 * one transaction, retried on a concurrent change — and count those events.
 */
@Component
class PaymentTransitions {

    private static final Logger log = LoggerFactory.getLogger(PaymentTransitions.class);

    private final PaymentRepository payments;
    private final RefundRepository refunds;
    private final Outbox outbox;
    private final PaymentMetrics metrics;
    private final TransactionalOperator transactions;
    private final Clock clock;

    PaymentTransitions(PaymentRepository payments, RefundRepository refunds, Outbox outbox,
            PaymentMetrics metrics, TransactionalOperator transactions, Clock clock) {
        this.payments = payments;
        this.refunds = refunds;
        this.outbox = outbox;
        this.metrics = metrics;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Loads a payment, applies a transition and stores the result with the events it produced, in one transaction
     * (the caller's, if any). A concurrent change (the listener and a webhook at once) makes the save fail; the
     * transition then runs again on the fresh state.
     *
     * @return the payment after the transition; empty when {@code finder} finds none
     */
    Mono<Payment> change(Mono<Payment> finder, Function<Payment, List<PaymentEvent>> transition) {
        return transactions.transactional(finder.flatMap(payment -> {
                    Settlement before = Settlement.of(payment);
                    List<PaymentEvent> produced = transition.apply(payment);
                    Mono<Void> save = Settlement.of(payment).equals(before)
                            ? Mono.empty()
                            : payments.update(payment, clock.instant());
                    return save.then(publish(produced)).thenReturn(new Changed(payment, produced));
                }))
                .retryWhen(Retry.max(3).filter(OptimisticLockingFailureException.class::isInstance))
                .doOnNext(changed -> changed.events().forEach(metrics::count))
                .map(Changed::payment);
    }

    /** Appends the events to the outbox, in the caller's transaction, and counts them once it commits. */
    Mono<Void> publishAndCount(List<PaymentEvent> produced) {
        return publish(produced).doOnSuccess(published -> produced.forEach(metrics::count));
    }

    /** The refund of a charged payment; nothing when there is no charge to refund (logged: it should not happen). */
    List<PaymentEvent> refund(Payment payment) {
        try {
            return events(payment.refund(clock.instant()));
        } catch (PaymentCannotBeRefunded nothingCharged) {
            log.warn(nothingCharged.getMessage());
            return List.of();
        }
    }

    /** Records the provider's refund of a payment that is now refunded; nothing for any other payment. */
    Mono<Void> recordRefund(Payment payment, String providerRefundId) {
        if (payment.status() != PaymentStatus.REFUNDED) {
            return Mono.empty();
        }
        return refunds.recordSucceeded(payment.id(), payment.amount().amount(), payment.amount().currency(),
                providerRefundId, clock.instant()).then();
    }

    static List<PaymentEvent> events(Optional<? extends PaymentEvent> event) {
        return event.<PaymentEvent>map(PaymentEvent.class::cast).stream().toList();
    }

    private Mono<Void> publish(List<PaymentEvent> produced) {
        return Flux.fromIterable(produced)
                .concatMap(event -> outbox.append(PaymentEvent.TOPIC, event.orderId().toString(), event))
                .then();
    }

    /**
     * The part of a payment its transitions change: a transition that leaves it as it was (a report of something
     * that happened already) needs no write.
     */
    private record Settlement(PaymentStatus status, String providerPaymentId, String declineCode,
            String failureReason) {

        static Settlement of(Payment payment) {
            return new Settlement(payment.status(), payment.providerPaymentId(), payment.declineCode(),
                    payment.failureReason());
        }
    }

    private record Changed(Payment payment, List<PaymentEvent> events) {
    }
}
