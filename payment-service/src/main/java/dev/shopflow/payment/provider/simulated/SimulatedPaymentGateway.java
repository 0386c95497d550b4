package dev.shopflow.payment.provider.simulated;

import dev.shopflow.payment.PaymentProperties;
import dev.shopflow.payment.provider.ChargeOutcome;
import dev.shopflow.payment.provider.ChargeRequest;
import dev.shopflow.payment.provider.PaymentGateway;
import dev.shopflow.payment.provider.ProviderTrouble;
import dev.shopflow.payment.provider.RefundOutcome;
import dev.shopflow.payment.provider.RefundRequest;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import reactor.core.publisher.Mono;

/**
 * A payment provider that answers as Stripe test mode does, offline: {@link TestPaymentMethods} decides each charge,
 * an unknown payment method is refused like Stripe's "No such PaymentMethod", and a repeated idempotency key gets the
 * first answer again (for the last {@value #REMEMBERED_KEYS} keys, kept in memory).
 *
 * <p>For demos it can be slow ({@code latency}; above the gateway's time limit every call times out) and can fail
 * like a Stripe outage ({@code failure-rate}: that share of calls fails with a retryable HTTP 503 before any
 * answer is decided).
 */
public class SimulatedPaymentGateway implements PaymentGateway {

    static final int REMEMBERED_KEYS = 100_000;

    private final PaymentProperties.Simulator settings;
    private final RandomGenerator random;
    private final Map<String, Object> answers = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
            return size() > REMEMBERED_KEYS;
        }
    });

    public SimulatedPaymentGateway(PaymentProperties.Simulator settings, RandomGenerator random) {
        this.settings = settings;
        this.random = random;
    }

    @Override
    public String name() {
        return "simulated";
    }

    @Override
    public Mono<ChargeOutcome> charge(ChargeRequest request) {
        return answer(request.idempotencyKey(), () -> decide(request), ChargeOutcome.class);
    }

    @Override
    public Mono<RefundOutcome> refund(RefundRequest request) {
        return answer(request.idempotencyKey(), () -> decide(request), RefundOutcome.class);
    }

    private <T> Mono<T> answer(String idempotencyKey, Supplier<T> decision, Class<T> type) {
        Mono<T> answer = Mono.fromCallable(() -> {
            if (settings.failureRate() > 0 && random.nextDouble() < settings.failureRate()) {
                throw new ProviderTrouble("The simulated provider is failing (HTTP 503, failure rate "
                        + settings.failureRate() + ")", true);
            }
            return type.cast(answers.computeIfAbsent(idempotencyKey, key -> decision.get()));
        });
        return settings.latency().isZero() ? answer : Mono.delay(settings.latency()).then(answer);
    }

    private static ChargeOutcome decide(ChargeRequest request) {
        String method = request.paymentMethod();
        if (TestPaymentMethods.succeeds(method)) {
            return new ChargeOutcome.Charged(newId("pi"));
        }
        return TestPaymentMethods.declineOf(method)
                .<ChargeOutcome>map(decline -> new ChargeOutcome.Declined(newId("pi"), decline.code(), decline.message()))
                .orElseGet(() -> new ChargeOutcome.Declined(null, "resource_missing",
                        "No such PaymentMethod: '" + method + "'"));
    }

    private static RefundOutcome decide(RefundRequest request) {
        if (!request.providerPaymentId().startsWith("pi_sim_")) {
            return new RefundOutcome.Rejected("No such payment_intent: '" + request.providerPaymentId() + "'");
        }
        return new RefundOutcome.Refunded(newId("re"));
    }

    private static String newId(String prefix) {
        return prefix + "_sim_" + UUID.randomUUID().toString().replace("-", "");
    }
}
