package dev.shopflow.localstack.audit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Every event was applied: the dead-letter topics ({@code TOPIC.dlt}, platform's {@code DeadLetterTopics}) hold no
 * record whose event is still missing. A dead letter stays on its topic after an administrator replays it; once its
 * event id is in the inbox of the service that failed it (the record's original consumer group), the event has been
 * applied and the dead letter no longer counts. Read only: offsets come from the admin client, and records are read
 * by a consumer without a group, so nothing is committed and no listener's position moves.
 */
final class DeadLetterTopicsEmpty implements Invariant {

    /** platform's {@code DeadLetterTopics.SUFFIX}. */
    static final String SUFFIX = ".dlt";

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** Dead letters described one by one; beyond these, a topic's remaining count is reported. */
    private static final int DESCRIBED = 1000;

    @Override
    public String name() {
        return "dead-letter-topics-empty";
    }

    @Override
    public String rule() {
        return "no record on any dead-letter topic (TOPIC" + SUFFIX + ")";
    }

    @Override
    public List<Violation> check(AuditCheck check) throws Exception {
        String bootstrapServers = check.target().kafkaBootstrapServers();
        var waiting = new HashMap<TopicPartition, long[]>();
        try (var admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis()))) {
            var topics = new TreeSet<>(admin.listTopics(new ListTopicsOptions().listInternal(false)).names()
                    .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS));
            topics.removeIf(topic -> !topic.endsWith(SUFFIX));
            if (topics.isEmpty()) {
                return List.of();
            }
            var partitions = new ArrayList<TopicPartition>();
            admin.describeTopics(topics).allTopicNames().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)
                    .forEach((topic, description) -> description.partitions()
                            .forEach(partition -> partitions.add(new TopicPartition(topic, partition.partition()))));
            var earliest = admin.listOffsets(specs(partitions, OffsetSpec.earliest())).all()
                    .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            var latest = admin.listOffsets(specs(partitions, OffsetSpec.latest())).all()
                    .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            for (TopicPartition partition : partitions) {
                long from = earliest.get(partition).offset();
                long to = latest.get(partition).offset();
                if (to > from) {
                    waiting.put(partition, new long[] {from, to});
                }
            }
        }
        if (waiting.isEmpty()) {
            return List.of();
        }
        var violations = new ArrayList<Violation>();
        for (DeadLetter deadLetter : read(bootstrapServers, waiting)) {
            if (!appliedSince(check, deadLetter)) {
                violations.add(deadLetter.violation());
            }
        }
        return violations;
    }

    /** A dead letter as read, or the count of those of a partition that were not read. */
    private record DeadLetter(Violation violation, String eventId, String consumerGroup) {
    }

    /** Whether the dead letter's event has been applied by the service that failed it (replayed since). */
    private static boolean appliedSince(AuditCheck check, DeadLetter deadLetter) throws java.sql.SQLException {
        if (deadLetter.eventId() == null || deadLetter.consumerGroup() == null) {
            return false;
        }
        var store = Stores.Store.ofConsumerGroup(deadLetter.consumerGroup());
        UUID eventId;
        try {
            eventId = UUID.fromString(deadLetter.eventId());
        } catch (IllegalArgumentException notAnEventId) {
            return false;
        }
        return store.isPresent() && check.stores().hasTable(store.get(), "inbox")
                && !check.stores().list(store.get(), "SELECT 1 FROM inbox WHERE event_id = ?", row -> true, eventId).isEmpty();
    }

    private static Map<TopicPartition, OffsetSpec> specs(List<TopicPartition> partitions, OffsetSpec spec) {
        var specs = new HashMap<TopicPartition, OffsetSpec>();
        partitions.forEach(partition -> specs.put(partition, spec));
        return specs;
    }

    /** Every dead letter, read from the start of each partition up to its end as it was listed. */
    private static List<DeadLetter> read(String bootstrapServers, Map<TopicPartition, long[]> waiting) {
        var deadLetters = new ArrayList<DeadLetter>();
        var config = new HashMap<String, Object>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 200);
        try (var consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            var partitions = waiting.keySet().stream()
                    .sorted(Comparator.comparing(TopicPartition::topic).thenComparing(TopicPartition::partition))
                    .toList();
            for (TopicPartition partition : partitions) {
                long from = waiting.get(partition)[0];
                long to = waiting.get(partition)[1];
                long read = 0;
                consumer.assign(List.of(partition));
                consumer.seek(partition, from);
                long deadline = System.nanoTime() + TIMEOUT.toNanos();
                while (consumer.position(partition) < to && deadLetters.size() < DESCRIBED && System.nanoTime() < deadline) {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                        if (record.offset() < to && deadLetters.size() < DESCRIBED) {
                            deadLetters.add(describe(record));
                            read++;
                        }
                    }
                }
                long notRead = (to - from) - read;
                if (notRead > 0) {
                    deadLetters.add(new DeadLetter(new Violation(partition.topic() + " partition " + partition.partition(),
                            notRead + " more dead letters (not read)"), null, null));
                }
            }
        }
        return deadLetters;
    }

    private static DeadLetter describe(ConsumerRecord<byte[], byte[]> record) {
        String type = header(record, "ce_type");
        String id = header(record, "ce_id");
        String error = header(record, "kafka_dlt-exception-message");
        String group = header(record, "kafka_dlt-original-consumer-group");
        String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        return new DeadLetter(new Violation(record.topic() + " partition " + record.partition() + " offset " + record.offset(),
                (type == null ? "a record" : type) + (id == null ? "" : " event " + id)
                        + (key == null ? "" : " (key " + key + ")") + " was not applied"
                        + (group == null ? "" : " by " + group)
                        + (error == null ? "" : ": " + error)), id, group);
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
