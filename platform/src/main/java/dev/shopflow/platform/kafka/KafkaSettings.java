package dev.shopflow.platform.kafka;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
 * @param consumedTopics the topics this service's listeners read: their dead letters are this service's to list and
 *                   replay
 * @param deadLettersPath where the admin-only dead-letter API is served (under the service's gateway prefix, such as
 *                   {@code /api/catalog/admin/dead-letters}); no API when unset
 */
@Validated
@ConfigurationProperties("shopflow.kafka")
public record KafkaSettings(
        @DefaultValue @Valid List<Topic> topics,
        @DefaultValue("4") @Min(0) @Max(20) int retries,
        @DefaultValue("500ms") @NotNull Duration firstRetry,
        @DefaultValue("10s") @NotNull Duration maxBackOff,
        @DefaultValue("1") @Min(1) short replicationFactor,
        @DefaultValue List<@NotBlank String> consumedTopics,
        @Pattern(regexp = "/[a-z0-9/-]+[a-z0-9]") String deadLettersPath) {

    /** A topic and its partition count. */
    public record Topic(@NotBlank String name, @Min(1) @Max(1000) int partitions) {
    }
}
