package dev.shopflow.platform.kafka;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * One record in a dead-letter topic, with why it is there. Headers a record may lack are {@code null}.
 *
 * @param partition        its partition in the dead-letter topic (the same as in the original topic)
 * @param offset           its offset in the dead-letter topic: with the partition, how to replay it
 * @param exceptionClass   the exception that made it a dead letter
 * @param exceptionMessage that exception's message
 * @param consumerGroup    the consumer group that could not apply it (consumers of one topic share its dead-letter
 *                         topic)
 */
public record DeadLetter(String deadLetterTopic, int partition, long offset,
        @Schema(nullable = true) String key,
        @Schema(nullable = true) String eventId,
        @Schema(nullable = true) String eventType,
        @Schema(nullable = true) String originalTopic,
        @Schema(nullable = true) Integer originalPartition,
        @Schema(nullable = true) Long originalOffset,
        @Schema(nullable = true) String exceptionClass,
        @Schema(nullable = true) String exceptionMessage,
        @Schema(nullable = true) String consumerGroup,
        Instant deadAt) {
}
