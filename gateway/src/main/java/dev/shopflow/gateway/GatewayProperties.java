package dev.shopflow.gateway;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The gateway's own settings ({@code shopflow.gateway.*}); the defaults and the environment variables that override
 * them are in {@code application.yml} and the gateway README.
 *
 * @param rateLimit how many requests one client may send
 * @param upstream how long the gateway waits for a service and when it stops calling a failing one
 * @param maxRequestSize the largest request body the gateway forwards
 * @param cors which browser origins may call the API
 * @param storefront what the storefront page served at {@code /} may load
 */
@Validated
@ConfigurationProperties("shopflow.gateway")
public record GatewayProperties(
        @Valid @NotNull RateLimit rateLimit,
        @Valid @NotNull Upstream upstream,
        @NotNull DataSize maxRequestSize,
        @Valid @NotNull Cors cors,
        @Valid @NotNull Storefront storefront) {

    /**
     * @param keyPrefix starts every counter's key, so that gateways of different stacks (or test runs) sharing one
     *        Redis do not count each other's requests
     * @param policies the named limits that routes apply with the {@code RateLimit=<name>} filter
     */
    public record RateLimit(@NotBlank String keyPrefix, @NotEmpty Map<String, @Valid @NotNull Policy> policies) {
    }

    /**
     * A token bucket: a client may send {@code burst} requests at once, and then {@code requests} every {@code per}.
     *
     * @param requests how many requests the bucket regains every {@code per}
     * @param per the refill period, a whole number of seconds (Redis counts in seconds)
     * @param burst how many requests the bucket holds when full
     */
    public record Policy(@Positive int requests, @NotNull Duration per, @Positive int burst) {

        @AssertTrue(message = "must be a whole number of seconds, at least one")
        boolean isPerWholeSeconds() {
            return per == null || (per.toMillis() >= 1000 && per.toMillis() % 1000 == 0);
        }

        @AssertTrue(message = "burst must hold at least the requests regained in one second")
        boolean isBurstAtLeastOneSecondOfRequests() {
            return per == null || (long) burst * per.toSeconds() >= requests;
        }

        /** Seconds after which a client that was refused has regained at least one request. */
        public long secondsUntilNextRequest() {
            return Math.max(1, (per.toSeconds() + requests - 1) / requests);
        }
    }

    /**
     * @param timeLimit the longest a service may take to start answering before the gateway answers 504 itself
     *        (routes to long-lived streams have no time limit)
     * @param circuitBreaker when a route's circuit opens
     */
    public record Upstream(@NotNull Duration timeLimit, @Valid @NotNull CircuitBreaker circuitBreaker) {
    }

    /**
     * Per route: once at least {@code minimumCalls} of the last {@code slidingWindowSize} calls were made and
     * {@code failureRateThreshold} percent of them failed (no connection, no answer in time), the circuit opens and
     * the gateway answers 503 at once for {@code waitInOpenState}; then {@code callsInHalfOpenState} trial calls
     * decide whether it closes again.
     */
    public record CircuitBreaker(
            @DecimalMin("1") @DecimalMax("100") float failureRateThreshold,
            @Positive int slidingWindowSize,
            @Positive int minimumCalls,
            @NotNull Duration waitInOpenState,
            @Positive int callsInHalfOpenState) {
    }

    /**
     * @param allowedOrigins origins of browser storefronts that may call the API ({@code *} for any)
     * @param maxAge how long a browser may reuse a preflight answer
     */
    public record Cors(@NotEmpty List<@NotBlank String> allowedOrigins, @NotNull Duration maxAge) {
    }

    /**
     * @param imageSources origins the storefront may show product images from ({@code https://host} or
     *        {@code http://host:port}, no path), the {@code img-src} of its Content-Security-Policy besides its own;
     *        by default where the demo catalog's pictures are
     */
    public record Storefront(@NotNull List<@NotBlank @Pattern(regexp = "https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?",
            message = "must be an origin such as https://images.example (scheme, host, optional port)") String> imageSources) {
    }
}
