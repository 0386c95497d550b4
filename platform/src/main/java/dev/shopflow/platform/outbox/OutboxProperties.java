package dev.shopflow.platform.outbox;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the outbox relay works ({@code shopflow.outbox.*}).
 *
 * @param enabled       whether this service runs a relay (a service that publishes events turns it on)
 * @param batchSize     how many events one relay transaction publishes at most
 * @param pollInterval  how often the relay looks for events when no notification woke it
 * @param retention     how long sent rows are kept (for inspection) before they are deleted
 * @param cleanupInterval how often sent rows past their retention are deleted and the metrics refreshed
 * @param publishDelay  how long an event stays in the outbox after it was appended before the relay may publish it:
 *                      zero (the default) in production; a fault lab sets it (order-service:
 *                      {@code ORDER_OUTBOX_PUBLISH_DELAY}) to open a window between the commit and the publish, in
 *                      which the service can be killed (docs/labs/04-outbox-delivers-once.md)
 */
@Validated
@ConfigurationProperties("shopflow.outbox")
public record OutboxProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("100") @Min(1) @Max(10_000) int batchSize,
        @DefaultValue("2s") @NotNull Duration pollInterval,
        @DefaultValue("1h") @NotNull Duration retention,
        @DefaultValue("30s") @NotNull Duration cleanupInterval,
        @DefaultValue("0s") @NotNull Duration publishDelay) {

    public OutboxProperties {
        if (publishDelay != null && publishDelay.isNegative()) {
            throw new IllegalArgumentException("shopflow.outbox.publish-delay must not be negative");
        }
    }
}
