package dev.shopflow.platform.kafka;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * A service's Kafka settings beyond Spring's ({@code shopflow.kafka.*}).
 *
 * @param topics     the topics this service declares, each with its dead-letter topic of the same partition count
 *                   (topics are never created by accident: the broker does not auto-create them)
 * @param retries    how often a failing record is retried before it becomes a dead letter
 * @param firstRetry the first retry's back-off; each next one doubles up to {@code maxBackOff}
 */
@Validated
@ConfigurationProperties("shopflow.kafka")
public record KafkaSettings(
        @DefaultValue @Valid List<Topic> topics,
        @DefaultValue("4") @Min(0) @Max(20) int retries,
        @DefaultValue("500ms") @NotNull Duration firstRetry,
        @DefaultValue("10s") @NotNull Duration maxBackOff,
        @DefaultValue("1") @Min(1) short replicationFactor) {

    /** A topic and its partition count. */
    public record Topic(@NotBlank String name, @Min(1) @Max(1000) int partitions) {
    }
}
