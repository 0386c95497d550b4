package dev.shopflow.order;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * order-service's own settings ({@code shopflow.ordering.*}).
 *
 * @param deadline       how long an order may stay open (PENDING or AWAITING_PAYMENT) before it is cancelled as
 *                       {@code TIMED_OUT} ({@code ORDER_DEADLINE}, default 15 minutes)
 * @param sweepInterval  how often the time-out sweep looks for overdue orders
 * @param sweepBatchSize how many overdue orders one sweep transaction cancels at most
 * @param streamKeepAlive how often a quiet event stream sends a comment, so that proxies do not cut it
 * @param streamMaxPerUser how many event streams one user may have open at once (per instance); one more is refused
 *                       with 429
 * @param streamMaxDuration the longest an event stream stays open; it then ends, and a client that still wants to
 *                       follow the order opens a new one (EventSource does so by itself)
 * @param currency       the shop's currency: an empty cart's total is zero in it
 * @param catalog        where and how patiently to look products up
 */
@Validated
@ConfigurationProperties("shopflow.ordering")
public record OrderingProperties(
        @NotNull @DefaultValue("15m") Duration deadline,
        @NotNull @DefaultValue("5s") Duration sweepInterval,
        @Min(1) @Max(1000) @DefaultValue("100") int sweepBatchSize,
        @NotNull @DefaultValue("15s") Duration streamKeepAlive,
        @Min(1) @Max(100) @DefaultValue("5") int streamMaxPerUser,
        @NotNull @DurationMin(seconds = 1) @DefaultValue("10m") Duration streamMaxDuration,
        @NotNull @Pattern(regexp = "[A-Z]{3}") @DefaultValue("EUR") String currency,
        @NotNull @Valid @DefaultValue Catalog catalog) {

    /**
     * The catalog-service lookup.
     *
     * @param uri     its base URL ({@code services.catalog.uri})
     * @param timeout the longest one attempt may take
     * @param retries further attempts after a failed one (not after a 404)
     */
    public record Catalog(
            @NotNull @DefaultValue("http://127.0.0.1:8082") URI uri,
            @NotNull @DefaultValue("2s") Duration timeout,
            @Min(0) @Max(5) @DefaultValue("2") int retries) {
    }
}
