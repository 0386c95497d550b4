package dev.shopflow.payment.charge;

import dev.shopflow.payment.charge.events.PaymentEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Business metrics: {@code shopflow_payments_succeeded_total}, {@code shopflow_payments_failed_total{decline_code}}
 * ({@code none} when the provider could not be reached or the order was cancelled first) and
 * {@code shopflow_payments_refunds_total}.
 */
@Component
class PaymentMetrics {

    private final MeterRegistry meters;

    PaymentMetrics(MeterRegistry meters) {
        this.meters = meters;
        // At zero from the start, so that a dashboard shows "none yet" rather than "no data".
        charged();
        refunds();
    }

    private Counter charged() {
        return Counter.builder("shopflow.payments.succeeded").description("Payments charged").register(meters);
    }

    private Counter refunds() {
        return Counter.builder("shopflow.payments.refunds").description("Charges refunded").register(meters);
    }

    void count(PaymentEvent event) {
        Counter counter = switch (event) {
            case PaymentEvent.PaymentSucceeded succeeded -> charged();
            case PaymentEvent.PaymentFailed failed -> Counter.builder("shopflow.payments.failed")
                    .description("Payments that were not charged, by Stripe decline code")
                    .tag("decline_code", failed.declineCode() == null ? "none" : failed.declineCode())
                    .register(meters);
            case PaymentEvent.PaymentRefunded refunded -> refunds();
        };
        counter.increment();
    }
}
