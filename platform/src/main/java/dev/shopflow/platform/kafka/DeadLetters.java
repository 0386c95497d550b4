package dev.shopflow.platform.kafka;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * Reads a topic's dead letters and replays them: a replay publishes the record again to its original topic, with
 * its key, payload and CloudEvents headers, so the consumer's inbox applies it once however often it is replayed.
 * Blocking: call it from a blocking context (a bounded-elastic scheduler in a web handler).
 */
public class DeadLetters implements org.springframework.beans.factory.DisposableBean {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

    private final Map<String, Object> consumerConfig;
    private final KafkaTemplate<Object, Object> producer;

    /**
     * @param consumerConfig Kafka client settings (bootstrap servers, security); group and deserializers are set here
     * @param producer       writes dead letters and replays: it must serialize {@code String} and {@code byte[]},
     *                       with {@code acks=all}
     */
    public DeadLetters(Map<String, Object> consumerConfig, KafkaTemplate<Object, Object> producer) {
        this.consumerConfig = new HashMap<>(consumerConfig);
        this.consumerConfig.remove(ConsumerConfig.GROUP_ID_CONFIG);
        this.consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.consumerConfig.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        this.consumerConfig.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        this.producer = producer;
    }

    /** What writes dead letters (for {@link DeadLetterTopics#errorHandler}). */
    public org.springframework.kafka.core.KafkaOperations<Object, Object> publisher() {
        return producer;
    }

    @Override
    public void destroy() {
        producer.getProducerFactory().reset();
    }

    /**
     * The dead letters of {@code topic} (not of its dead-letter topic's name), oldest first per partition, at most
     * {@code max}.
     *
     * @param consumerGroup only those this consumer group failed to apply; {@code null} for all
     */
    public List<DeadLetter> list(String topic, String consumerGroup, int max) {
        var found = new ArrayList<DeadLetter>();
        read(DeadLetterTopics.of(topic), consumerGroup, max, record -> found.add(describe(record)));
        return found;
    }

    /**
     * Publishes one dead letter again to its original topic.
     *
     * @param consumerGroup replay it only if this consumer group failed to apply it; {@code null} for any
     * @return the dead letter replayed, or empty when there is no (such) record at that partition and offset
     */
    public Optional<DeadLetter> replay(String topic, String consumerGroup, int partition, long offset) {
        var deadLetterTopic = DeadLetterTopics.of(topic);
        try (var consumer = new KafkaConsumer<byte[], byte[]>(consumerConfig)) {
            var assigned = new TopicPartition(deadLetterTopic, partition);
            if (consumer.partitionsFor(deadLetterTopic, READ_TIMEOUT).stream().noneMatch(info -> info.partition() == partition)) {
                return Optional.empty();
            }
            consumer.assign(List.of(assigned));
            long end = consumer.endOffsets(List.of(assigned), READ_TIMEOUT).get(assigned);
            long beginning = consumer.beginningOffsets(List.of(assigned), READ_TIMEOUT).get(assigned);
            if (offset < beginning || offset >= end) {
                return Optional.empty();
            }
            consumer.seek(assigned, offset);
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() == offset) {
                        if (!failedIn(record, consumerGroup)) {
                            return Optional.empty();
                        }
                        republish(record);
                        return Optional.of(describe(record));
                    }
                }
            }
            throw new IllegalStateException("Could not read " + deadLetterTopic + "-" + partition + "@" + offset + " in time");
        }
    }

    /** Replays every dead letter of {@code topic} (of one consumer group, unless {@code null}), at most {@code max}. */
    public List<DeadLetter> replayAll(String topic, String consumerGroup, int max) {
        var replayed = new ArrayList<DeadLetter>();
        read(DeadLetterTopics.of(topic), consumerGroup, max, record -> {
            republish(record);
            replayed.add(describe(record));
        });
        return replayed;
    }

    private void republish(ConsumerRecord<byte[], byte[]> record) {
        String originalTopic = text(record, KafkaHeaders.DLT_ORIGINAL_TOPIC)
                .orElseThrow(() -> new IllegalStateException("Dead letter " + record.topic() + "-" + record.partition()
                        + "@" + record.offset() + " does not name its original topic"));
        var replay = new ProducerRecord<Object, Object>(originalTopic, record.key(), record.value());
        for (Header header : record.headers()) {
            // The failure headers belong to the dead letter, not to the event.
            if (!header.key().startsWith("kafka_dlt-") && !header.key().startsWith("retry_")) {
                replay.headers().add(header);
            }
        }
        try {
            producer.send(replay).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while replaying", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not replay to " + originalTopic + ": " + e.getMessage(), e);
        }
    }

    private static boolean failedIn(ConsumerRecord<byte[], byte[]> record, String consumerGroup) {
        return consumerGroup == null
                || text(record, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP).map(consumerGroup::equals).orElse(false);
    }

    private void read(String deadLetterTopic, String consumerGroup, int max,
            java.util.function.Consumer<ConsumerRecord<byte[], byte[]>> action) {
        try (var consumer = new KafkaConsumer<byte[], byte[]>(consumerConfig)) {
            var partitions = consumer.partitionsFor(deadLetterTopic, READ_TIMEOUT).stream()
                    .map(info -> new TopicPartition(deadLetterTopic, info.partition())).toList();
            if (partitions.isEmpty()) {
                return;
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var ends = consumer.endOffsets(partitions, READ_TIMEOUT);
            int seen = 0;
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (seen < max && partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Could not read " + deadLetterTopic + " to its end in time");
                }
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    boolean beforeEnd = record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()));
                    if (beforeEnd && failedIn(record, consumerGroup) && seen++ < max) {
                        action.accept(record);
                    }
                }
            }
        }
    }

    private static DeadLetter describe(ConsumerRecord<byte[], byte[]> record) {
        return new DeadLetter(record.topic(), record.partition(), record.offset(),
                record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8),
                text(record, "ce_id").orElse(null), text(record, "ce_type").orElse(null),
                text(record, KafkaHeaders.DLT_ORIGINAL_TOPIC).orElse(null),
                number(record, KafkaHeaders.DLT_ORIGINAL_PARTITION).map(Long::intValue).orElse(null),
                number(record, KafkaHeaders.DLT_ORIGINAL_OFFSET).orElse(null),
                // Spring wraps the listener's exception; the cause is what the listener threw.
                text(record, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN).or(() -> text(record, KafkaHeaders.DLT_EXCEPTION_FQCN)).orElse(null),
                text(record, KafkaHeaders.DLT_EXCEPTION_MESSAGE).orElse(null),
                text(record, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP).orElse(null),
                Instant.ofEpochMilli(record.timestamp()));
    }

    private static Optional<String> text(ConsumerRecord<byte[], byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? Optional.empty() : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }

    /** Spring Kafka writes the original partition as 4 bytes and the offset as 8. */
    private static Optional<Long> number(ConsumerRecord<byte[], byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        if (header == null) {
            return Optional.empty();
        }
        var bytes = ByteBuffer.wrap(header.value());
        return Optional.of(header.value().length == Integer.BYTES ? (long) bytes.getInt() : bytes.getLong());
    }
}
