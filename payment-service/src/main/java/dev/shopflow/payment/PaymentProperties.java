package dev.shopflow.payment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The payment service's settings ({@code shopflow.payments.*}); defaults and environment variables in
 * {@code application.yml}.
 *
 * @param provider   which payment provider charges customers: {@code simulated} (the default, offline) or
 *                   {@code stripe}
 * @param stripe     how to reach Stripe (or stripe-mock) and check its webhooks
 * @param simulator  how the simulated provider behaves
 * @param resilience time limit, retries and circuit breaker around every call to the provider
 */
@Validated
@ConfigurationProperties("shopflow.payments")
public record PaymentProperties(
        @NotNull Provider provider,
        @Valid @NotNull Stripe stripe,
        @Valid @NotNull Simulator simulator,
        @Valid @NotNull Resilience resilience) {

    /** The payment providers this service can charge through. */
    public enum Provider {
        SIMULATED, STRIPE
    }

    /**
     * @param apiKey           a secret key ({@code sk_test_…}); required with the {@code stripe} provider, only ever
     *                         from the environment
     * @param apiBase          {@code https://api.stripe.com}, or stripe-mock's address
     * @param webhookSecret    the signing secret of the webhook endpoint ({@code whsec_…}); without it, webhooks are
     *                         refused
     * @param webhookTolerance how old a webhook's signed timestamp may be before it counts as a replay
     * @param connectTimeout   the client's connect time-out
     * @param readTimeout      the client's read time-out; keep it above the time limit so that it is the time
     *                         limiter that gives up first
     * @param callThreads      threads that may wait on Stripe at once (the client blocks; it never runs on the event
     *                         loop)
     */
    public record Stripe(
            String apiKey,
            @NotBlank String apiBase,
            String webhookSecret,
            @NotNull Duration webhookTolerance,
            @NotNull Duration connectTimeout,
            @NotNull Duration readTimeout,
            @Min(1) @Max(200) int callThreads) {

        public boolean hasApiKey() {
            return apiKey != null && !apiKey.isBlank();
        }

        public boolean hasWebhookSecret() {
            return webhookSecret != null && !webhookSecret.isBlank();
        }
    }

    /**
     * @param latency     how long each simulated call takes (above the time limit, every call times out)
     * @param failureRate the share of calls, 0 to 1, that fail like a Stripe outage (HTTP 503) and are retried
     */
    public record Simulator(
            @NotNull Duration latency,
            @DecimalMin("0.0") @DecimalMax("1.0") double failureRate) {
    }

    /**
     * @param timeLimit            how long one call to the provider may take
     * @param maxAttempts          attempts per charge or refund (1 = no retry); only provider trouble (time-outs,
     *                             5xx, 429, unreachable) is retried, never a decline
     * @param firstBackoff         the wait before the first retry; it doubles (with jitter) for each next one
     * @param maxBackoff           the longest wait between attempts
     * @param slidingWindowSize    calls the circuit breaker looks back on
     * @param minimumCalls         calls before the breaker judges the failure rate
     * @param failureRateThreshold percentage of failing calls that opens the breaker
     * @param waitInOpenState      how long an open breaker refuses calls before it lets a few through
     */
    public record Resilience(
            @NotNull Duration timeLimit,
            @Min(1) @Max(10) int maxAttempts,
            @NotNull Duration firstBackoff,
            @NotNull Duration maxBackoff,
            @Min(1) int slidingWindowSize,
            @Min(1) int minimumCalls,
            @DecimalMin("1") @DecimalMax("100") float failureRateThreshold,
            @NotNull Duration waitInOpenState) {
    }
}
