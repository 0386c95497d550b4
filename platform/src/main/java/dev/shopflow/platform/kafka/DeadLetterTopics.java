package dev.shopflow.platform.kafka;

import java.time.Duration;
import java.util.function.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Where a record goes when its listener cannot apply it: {@code TOPIC.dlt}, same partition. Retries are bounded
 * with an exponential back-off; a {@link MalformedEvent} or a record that cannot be deserialized goes there at once.
 * The same handler serves record and batch listeners (a batch listener names its failing record with a
 * {@link BatchListenerFailedException}: that record alone is retried, then dead-lettered).
 * The dead letter carries the failure in headers (Spring Kafka's {@code kafka_dlt-exception-fqcn},
 * {@code kafka_dlt-exception-message}, {@code kafka_dlt-original-topic}, {@code -partition}, {@code -offset}).
 */
public final class DeadLetterTopics {

    public static final String SUFFIX = ".dlt";

    private DeadLetterTopics() {
    }

    /** The dead-letter topic of a topic: {@code orders.v1} → {@code orders.v1.dlt}. */
    public static String of(String topic) {
        return topic + SUFFIX;
    }

    /**
     * The error handler of every Shopflow listener container.
     *
     * @param deadLetters publishes dead letters; it must write the original bytes of a record that could not be
     *                    deserialized, so give it a serializer for {@code byte[]} as well as {@code String}
     * @param retries     how many times a failing record is retried before it becomes a dead letter
     * @param firstRetry  the first back-off; each next one doubles, up to {@code maxBackOff}
     */
    public static DefaultErrorHandler errorHandler(KafkaOperations<?, ?> deadLetters, int retries, Duration firstRetry,
            Duration maxBackOff) {
        return errorHandler(deadLetters, retries, firstRetry, maxBackOff, topic -> { });
    }

    /**
     * As {@link #errorHandler(KafkaOperations, int, Duration, Duration)}, telling {@code deadLettered} the original
     * topic of every record once it is safely in its dead-letter topic (to count dead letters, say).
     */
    public static DefaultErrorHandler errorHandler(KafkaOperations<?, ?> deadLetters, int retries, Duration firstRetry,
            Duration maxBackOff, Consumer<String> deadLettered) {
        var publisher = new DeadLetterPublishingRecoverer(deadLetters,
                (record, exception) -> new TopicPartition(of(record.topic()), record.partition()));
        ConsumerRecordRecoverer recoverer = (record, exception) -> {
            publisher.accept(record, reason(exception));
            deadLettered.accept(record.topic());
        };
        var backOff = new ExponentialBackOff(firstRetry.toMillis(), 2.0);
        backOff.setMaxInterval(maxBackOff.toMillis());
        backOff.setMaxAttempts(retries);
        var handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(MalformedEvent.class, DeserializationException.class);
        return handler;
    }

    /**
     * Why a record failed, as its dead letter names it: a batch listener reports the failing record in a
     * {@link BatchListenerFailedException} (which the container wraps as it wraps a record listener's exception),
     * whose cause is the reason (a {@code MalformedEvent}, say). The wrapper is kept: it carries the consumer group
     * the dead letter names.
     */
    static Exception reason(Exception exception) {
        if (exception instanceof ListenerExecutionFailedException wrapper
                && wrapper.getCause() instanceof BatchListenerFailedException failed && failed.getCause() != null) {
            return new ListenerExecutionFailedException(wrapper.getMessage(), wrapper.getGroupId(), failed.getCause());
        }
        if (exception instanceof BatchListenerFailedException failed && failed.getCause() instanceof Exception cause) {
            return cause;
        }
        return exception;
    }
}
