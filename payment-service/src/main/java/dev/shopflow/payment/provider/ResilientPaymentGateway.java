package dev.shopflow.payment.provider;

import dev.shopflow.platform.tracing.TracedLogging;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.reactor.retry.RetryOperator;
import io.github.resilience4j.reactor.timelimiter.TimeLimiterOperator;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeoutException;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The gateway the service uses: an adapter behind a time limit per attempt, a circuit breaker and retries with
 * exponential back-off (in that order from the inside out, so each attempt is timed and counted by the breaker).
 *
 * <p>Only provider trouble is retried: a time-out, a 5xx, a 429, an unreachable host ({@link ProviderTrouble} that is
 * retryable). A decline is an answer, never retried. When every attempt failed, or the breaker is open, the call
 * still answers: {@code ProviderUnavailable} with the reason, so that the saga hears about it instead of hanging.
 *
 * <p>Each attempt is timed as {@code shopflow.payments.provider.calls} (tags {@code provider}, {@code operation},
 * {@code outcome}).
 */
public class ResilientPaymentGateway implements PaymentGateway, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ResilientPaymentGateway.class);

    private final PaymentGateway provider;
    private final TimeLimiter timeLimiter;
    private final CircuitBreaker circuitBreaker;
    private final Retry retry;
    private final MeterRegistry meters;

    public ResilientPaymentGateway(PaymentGateway provider, TimeLimiter timeLimiter, CircuitBreaker circuitBreaker,
            Retry retry, MeterRegistry meters) {
        this.provider = provider;
        this.timeLimiter = timeLimiter;
        this.circuitBreaker = circuitBreaker;
        this.retry = retry;
        this.meters = meters;
    }

    /** Whether an error means the provider gave no answer (and so counts against it, and may be retried). */
    public static boolean isProviderTrouble(Throwable error) {
        return error instanceof ProviderTrouble || error instanceof TimeoutException;
    }

    /** Whether trying again could help: retryable trouble and time-outs, never a decline or an open breaker. */
    public static boolean isWorthRetrying(Throwable error) {
        return error instanceof ProviderTrouble trouble ? trouble.isRetryable() : error instanceof TimeoutException;
    }

    @Override
    public String name() {
        return provider.name();
    }

    /** @return the provider's answer; {@code ProviderUnavailable} when it gave none through every retry */
    @Override
    public Mono<ChargeOutcome> charge(ChargeRequest request) {
        return call("charge", request.orderId(), () -> provider.charge(request), ChargeOutcome.ProviderUnavailable::new);
    }

    /** @return the provider's answer; {@code ProviderUnavailable} when it gave none through every retry */
    @Override
    public Mono<RefundOutcome> refund(RefundRequest request) {
        return call("refund", request.orderId(), () -> provider.refund(request), RefundOutcome.ProviderUnavailable::new);
    }

    /** Attempts under the time limit, through the breaker, retried; no answer at all becomes {@code unavailable}. */
    private <T> Mono<T> call(String operation, UUID orderId, Supplier<Mono<T>> attempt, Function<String, T> unavailable) {
        return timed(operation, attempt)
                .transformDeferred(TimeLimiterOperator.of(timeLimiter))
                .transformDeferred(CircuitBreakerOperator.of(circuitBreaker))
                .transformDeferred(RetryOperator.of(retry))
                .onErrorResume(ResilientPaymentGateway::gaveNoAnswer, error -> TracedLogging.logThen(
                        () -> log.warn("No answer from {} to {} order {}: {}", name(), operation, orderId, describe(error)),
                        () -> Mono.just(unavailable.apply(describe(error)))));
    }

    /** One attempt, timed from subscription to its answer, error or time-out. */
    private <T> Mono<T> timed(String operation, Supplier<Mono<T>> call) {
        return Mono.defer(() -> {
            Timer.Sample sample = Timer.start(meters);
            return call.get()
                    .doOnSuccess(answer -> sample.stop(timer(operation, outcomeTag(answer))))
                    .doOnError(error -> sample.stop(timer(operation, "error")))
                    .doOnCancel(() -> sample.stop(timer(operation, "timeout")));
        });
    }

    private Timer timer(String operation, String outcome) {
        return Timer.builder("shopflow.payments.provider.calls")
                .description("Calls to the payment provider, each attempt on its own")
                .tag("provider", name())
                .tag("operation", operation)
                .tag("outcome", outcome)
                .register(meters);
    }

    private static String outcomeTag(Object answer) {
        return switch (answer) {
            case ChargeOutcome.Charged charged -> "charged";
            case ChargeOutcome.Declined declined -> "declined";
            case ChargeOutcome.AwaitingConfirmation awaiting -> "awaiting_confirmation";
            case RefundOutcome.Refunded refunded -> "refunded";
            case RefundOutcome.Rejected rejected -> "rejected";
            case null, default -> "none";
        };
    }

    private static boolean gaveNoAnswer(Throwable error) {
        return isProviderTrouble(error) || error instanceof CallNotPermittedException;
    }

    private String describe(Throwable error) {
        return switch (error) {
            case CallNotPermittedException open -> "The payment provider (" + name()
                    + ") is failing; calls are paused for a while (circuit breaker open).";
            case TimeoutException timeout -> "The payment provider (" + name() + ") did not answer within "
                    + timeLimiter.getTimeLimiterConfig().getTimeoutDuration().toMillis() + " ms, "
                    + retry.getRetryConfig().getMaxAttempts() + " times.";
            default -> "The payment provider (" + name() + ") could not be used: " + error.getMessage();
        };
    }

    /** Lets an adapter that holds resources (the Stripe adapter's threads) release them. */
    @Override
    public void close() throws Exception {
        if (provider instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }
}
