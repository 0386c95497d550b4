package dev.shopflow.localstack.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
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
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Reads a stack's topics as they are, and writes raw records to them. Reading uses a consumer without a group (nothing
 * is committed, no listener's position moves); writing uses an idempotent producer with {@code acks=all}, like the
 * services' own.
 */
public final class TopicRecords implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Duration READ_LIMIT = Duration.ofSeconds(30);

    /** One record as stored: its place, time, key, value and headers (each header's last value, as text). */
    public record Record(String topic, int partition, long offset, Instant time, byte[] key, byte[] value,
            List<Header> headers) {

        /** The header's last value as text, if the record has it. */
        public Optional<String> header(String name) {
            Header found = null;
            for (Header header : headers) {
                if (header.key().equals(name)) {
                    found = header;
                }
            }
            return found == null || found.value() == null ? Optional.empty()
                    : Optional.of(new String(found.value(), StandardCharsets.UTF_8));
        }

        public String keyText() {
            return key == null ? null : new String(key, StandardCharsets.UTF_8);
        }

        public String valueText() {
            return value == null ? null : new String(value, StandardCharsets.UTF_8);
        }

        /** The CloudEvents id ({@code ce_id}), if the record carries one. */
        public Optional<String> eventId() {
            return header("ce_id");
        }

        /** Whether the other record has the same key, value and CloudEvents id: the same event sent again. */
        public boolean sameEventAs(Record other) {
            return Arrays.equals(key, other.key) && Arrays.equals(value, other.value) && eventId().equals(other.eventId());
        }

        /** Such as {@code orders.v1 partition 1 offset 7}. */
        public String place() {
            return topic + " partition " + partition + " offset " + offset;
        }
    }

    private final String bootstrapServers;
    private KafkaConsumer<byte[], byte[]> consumer;
    private KafkaProducer<byte[], byte[]> producer;

    public TopicRecords(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** The topic's partitions, or none when there is no such topic. */
    public List<Integer> partitions(String topic) {
        return consumer().partitionsFor(topic, TIMEOUT).stream().map(info -> info.partition()).sorted().toList();
    }

    /** Every record of the topic, from the start of each partition to its end as it was when called. */
    public List<Record> all(String topic) {
        var partitions = partitions(topic).stream().map(partition -> new TopicPartition(topic, partition)).toList();
        if (partitions.isEmpty()) {
            return List.of();
        }
        var consumer = consumer();
        var ends = consumer.endOffsets(partitions, TIMEOUT);
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        var found = new ArrayList<Record>();
        long deadline = System.nanoTime() + READ_LIMIT.toNanos();
        while (partitions.stream().anyMatch(partition -> consumer.position(partition, TIMEOUT) < ends.get(partition))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Could not read " + topic + " to its end in " + READ_LIMIT.toSeconds() + " s");
            }
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))) {
                    found.add(of(record));
                }
            }
        }
        found.sort(Comparator.comparing(Record::time).thenComparing(Record::partition).thenComparing(Record::offset));
        return found;
    }

    /** The record at this place, or empty when there is none. */
    public Optional<Record> at(String topic, int partition, long offset) {
        if (!partitions(topic).contains(partition)) {
            return Optional.empty();
        }
        var consumer = consumer();
        var assigned = new TopicPartition(topic, partition);
        long end = consumer.endOffsets(List.of(assigned), TIMEOUT).get(assigned);
        long beginning = consumer.beginningOffsets(List.of(assigned), TIMEOUT).get(assigned);
        if (offset < beginning || offset >= end) {
            return Optional.empty();
        }
        consumer.assign(List.of(assigned));
        consumer.seek(assigned, offset);
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                if (record.offset() == offset) {
                    return Optional.of(of(record));
                }
            }
        }
        throw new IllegalStateException("Could not read " + topic + " partition " + partition + " offset " + offset + " in time");
    }

    /** Writes the record and waits for the broker's acknowledgement. */
    public RecordMetadata send(ProducerRecord<byte[], byte[]> record) {
        try {
            return producer().send(record).get(TIMEOUT.toSeconds() * 3, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while sending to " + record.topic(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not send to " + record.topic() + ": "
                    + (e.getCause() == null ? e.getMessage() : e.getCause().getMessage()), e);
        }
    }

    @Override
    public void close() {
        if (consumer != null) {
            consumer.close(Duration.ofSeconds(5));
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        if (consumer == null) {
            var config = new HashMap<String, Object>();
            config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
            consumer = new KafkaConsumer<>(config, new org.apache.kafka.common.serialization.ByteArrayDeserializer(),
                    new org.apache.kafka.common.serialization.ByteArrayDeserializer());
        }
        return consumer;
    }

    private KafkaProducer<byte[], byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                    ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) TIMEOUT.toMillis()),
                    new ByteArraySerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    private static Record of(ConsumerRecord<byte[], byte[]> record) {
        return new Record(record.topic(), record.partition(), record.offset(), Instant.ofEpochMilli(record.timestamp()),
                record.key(), record.value(), List.of(record.headers().toArray()));
    }
}
