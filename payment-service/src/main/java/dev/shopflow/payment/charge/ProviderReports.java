package dev.shopflow.payment.charge;

import dev.shopflow.payment.charge.domain.Payment;
import dev.shopflow.payment.charge.events.PaymentEvent;
import dev.shopflow.payment.charge.persistence.PaymentRepository;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Keeping payments in step with what the provider reports on its own initiative (a webhook): a charge it confirmed
 * later, an answer that never reached this service, a refund made in its dashboard. The provider holds the money, so
 * a success or refund it reports overrides what this service recorded.
 */
@Service
public class ProviderReports {

    private final PaymentRepository payments;
    private final PaymentTransitions transitions;
    private final TransactionalOperator transactions;
    private final Clock clock;

    ProviderReports(PaymentRepository payments, PaymentTransitions transitions, TransactionalOperator transactions,
            Clock clock) {
        this.payments = payments;
        this.transitions = transitions;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Brings the payment a provider report is about in line with it, emitting the events of the transitions that
     * this makes. Joins the caller's transaction, if any. Reports of transitions that happened already change
     * nothing.
     *
     * @return the order id of the payment the report is about; empty when no payment here matches it
     */
    public Mono<UUID> reconcile(ProviderReport report) {
        Mono<Payment> matching = payments.findByProviderPaymentId(report.providerPaymentId())
                .switchIfEmpty(Mono.defer(() -> report.orderId() == null ? Mono.empty()
                        : payments.findByOrderId(report.orderId()).filter(payment -> payment.providerPaymentId() == null
                                || payment.providerPaymentId().equals(report.providerPaymentId()))));
        return transactions.transactional(transitions.change(matching, payment -> switch (report) {
                    case ProviderReport.Succeeded succeeded ->
                            PaymentTransitions.events(payment.succeed(succeeded.providerPaymentId(), clock.instant()));
                    case ProviderReport.Failed failed -> PaymentTransitions.events(payment.fail(
                            failed.providerPaymentId(), failed.declineCode(), failed.reason(), clock.instant()));
                    case ProviderReport.Refunded refunded -> {
                        List<PaymentEvent> produced = new ArrayList<>();
                        // Webhooks arrive in any order: a refund reported before the success still means both.
                        payment.succeed(refunded.providerPaymentId(), clock.instant()).ifPresent(produced::add);
                        produced.addAll(transitions.refund(payment));
                        yield produced;
                    }
                })
                .flatMap(changed -> report instanceof ProviderReport.Refunded refunded
                        ? transitions.recordRefund(changed, refunded.providerRefundId()).thenReturn(changed)
                        : Mono.just(changed))
                .map(Payment::orderId));
    }
}
