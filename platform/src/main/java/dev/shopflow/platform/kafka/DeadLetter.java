package dev.shopflow.platform.kafka;

import java.time.Instant;

/**
 * One record in a dead-letter topic, with why it is there.
 *
 * @param partition        its partition in the dead-letter topic (the same as in the original topic)
 * @param offset           its offset in the dead-letter topic: with the partition, how to replay it
 * @param exceptionClass   the exception that made it a dead letter
 * @param exceptionMessage that exception's message
 * @param consumerGroup    the consumer group that could not apply it (consumers of one topic share its dead-letter
 *                         topic)
 */
public record DeadLetter(String deadLetterTopic, int partition, long offset, String key, String eventId, String eventType,
        String originalTopic, Integer originalPartition, Long originalOffset, String exceptionClass, String exceptionMessage,
        String consumerGroup, Instant deadAt) {
}
