package dev.shopflow.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shopflow.platform.events.Event;
import dev.shopflow.platform.kafka.DeadLetter;
import dev.shopflow.platform.kafka.DeadLetterTopics;
import dev.shopflow.platform.kafka.DeadLetters;
import dev.shopflow.platform.kafka.EventReader;
import dev.shopflow.platform.kafka.MalformedEvent;
import dev.shopflow.platform.kafka.ReceivedEvent;
import dev.shopflow.platform.testsupport.TestPostgres;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.support.micrometer.KafkaRecordReceiverContext;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * A batch listener built as Shopflow's services build theirs ({@link InboxBatches} with the inbox and platform's error
 * handler), against a real PostgreSQL and a real Kafka broker. Each test sends its records before its consumer
 * starts, so that the first poll brings them all as one batch.
 */
class InboxBatchesTest {

    static final String CONSUMER = "batch.consumer";
    static final String TYPE = "shopflow.test.paid.v1";
    static final List<String> TOPICS = List.of("batch.duplicate", "batch.poison", "batch.midway", "batch.redelivered",
            "batch.traced");

    /** The test's event: what a service's incoming record looks like. */
    record Paid(UUID eventId, long amount, String behaviour) implements Event {
    }

    static EmbeddedKafkaBroker kafka;
    static DatabaseClient database;
    static Inbox inbox;
    static InboxBatches batches;
    static DeadLetters deadLetters;
    static KafkaTemplate<String, String> producer;
    static final EventReader<Paid> reader = new EventReader<>(tools.jackson.databind.json.JsonMapper.builder().build(),
            Map.of(TYPE, Paid.class));
    static final List<Observation.Context> observed = new CopyOnWriteArrayList<>();
    /** How often each event's effect ran (committed or not). */
    static final Map<UUID, AtomicInteger> runs = new ConcurrentHashMap<>();
    /** The size of each batch the listener was called with. */
    static final List<Integer> batchSizes = new CopyOnWriteArrayList<>();

    ConcurrentMessageListenerContainer<String, String> container;

    @BeforeAll
    static void start() throws Exception {
        var topics = new ArrayList<String>();
        TOPICS.forEach(topic -> {
            topics.add(topic);
            topics.add(DeadLetterTopics.of(topic));
        });
        kafka = new EmbeddedKafkaKraftBroker(1, 1, topics.toArray(String[]::new))
                .brokerProperties(Map.of("auto.create.topics.enable", "false"));
        kafka.afterPropertiesSet();

        String name = TestPostgres.freshDatabase("inboxbatches", "dev/shopflow/platform/inbox/inbox.sql");
        var connections = TestPostgres.connectionFactory(name);
        database = DatabaseClient.create(connections);
        database.sql("CREATE TABLE applied (event_id uuid NOT NULL, transaction_id bigint NOT NULL)").then().block();
        var transactions = TransactionalOperator.create(new R2dbcTransactionManager(connections));
        inbox = new Inbox(database, transactions, new SimpleMeterRegistry());
        var registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(new ObservationHandler<>() {
            @Override
            public void onStart(Observation.Context context) {
                observed.add(context);
            }

            @Override
            public boolean supportsContext(Observation.Context context) {
                return true;
            }
        });
        batches = new InboxBatches(transactions, registry);

        Map<String, Object> clients = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString());
        Map<Class<?>, Serializer<?>> byType = Map.of(String.class, new StringSerializer(), byte[].class, new ByteArraySerializer());
        deadLetters = new DeadLetters(clients, new KafkaTemplate<>(new DefaultKafkaProducerFactory<Object, Object>(clients,
                new DelegatingByTypeSerializer(byType), new DelegatingByTypeSerializer(byType))));
        producer = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(clients, new StringSerializer(), new StringSerializer()));
    }

    @AfterAll
    static void stop() throws Exception {
        producer.getProducerFactory().reset();
        deadLetters.destroy();
        kafka.destroy();
    }

    @AfterEach
    void stopConsumer() {
        if (container != null) {
            container.stop();
        }
    }

    @Test
    void appliesABatchInOneTransactionAndAnEventTwiceInItOnce() {
        String topic = "batch.duplicate";
        UUID first = send(topic, UUID.randomUUID(), "ok");
        UUID twice = send(topic, UUID.randomUUID(), "ok");
        send(topic, twice, "ok");
        UUID last = send(topic, UUID.randomUUID(), "ok");

        consume(topic);

        awaitApplied(last);
        assertThat(batchSizes).as("one poll, one call").contains(4);
        assertThat(timesApplied(first)).isEqualTo(1);
        assertThat(timesApplied(twice)).isEqualTo(1);
        assertThat(runs.get(twice)).as("the second delivery is skipped by the inbox").hasValue(1);
        assertThat(transactionsOf(List.of(first, twice, last))).as("one transaction for the batch").isEqualTo(1);
    }

    @Test
    void sendsAPoisonRecordOfABatchToTheDeadLetterTopicAloneAndAppliesTheOthersOnce() {
        String topic = "batch.poison";
        UUID before = send(topic, UUID.randomUUID(), "ok");
        UUID poison = UUID.randomUUID();
        sendRaw(topic, poison, "{\"eventId\":\"" + poison + "\",\"amount\":\"not a number\"}");
        UUID after = send(topic, UUID.randomUUID(), "ok");
        UUID last = send(topic, UUID.randomUUID(), "ok");

        consume(topic);

        awaitApplied(last);
        DeadLetter dead = awaitDeadLetter(topic, poison);
        assertThat(dead.exceptionClass()).isEqualTo(MalformedEvent.class.getName());
        assertThat(dead.originalTopic()).isEqualTo(topic);
        assertThat(deadLetters.list(topic, CONSUMER, 1000)).as("the poison record alone").hasSize(1);
        assertThat(List.of(before, after, last)).allSatisfy(id -> {
            assertThat(timesApplied(id)).isEqualTo(1);
            assertThat(runs.get(id)).as("applied at the first attempt, never again").hasValue(1);
        });
    }

    @Test
    void aFailureMidBatchKeepsNothingOfTheBatchAndAppliesEachEventOnceAfterwards() {
        String topic = "batch.midway";
        UUID before = send(topic, UUID.randomUUID(), "ok");
        UUID failing = send(topic, UUID.randomUUID(), "fails-twice");
        UUID after = send(topic, UUID.randomUUID(), "ok");

        consume(topic);

        awaitApplied(after);
        assertThat(runs.get(before)).as("rolled back with its batch, then applied alone").hasValue(2);
        assertThat(runs.get(failing)).as("in the batch, alone, then retried by the error handler").hasValue(3);
        assertThat(List.of(before, failing, after)).allSatisfy(id -> assertThat(timesApplied(id)).isEqualTo(1));
        assertThat(inboxRows(List.of(before, failing, after))).isEqualTo(3);
        assertThat(deadLetters.list(topic, CONSUMER, 1000)).isEmpty();
    }

    @Test
    void aBatchDeliveredAgainAppliesEachEventOnce() {
        String topic = "batch.redelivered";
        UUID one = send(topic, UUID.randomUUID(), "ok");
        UUID two = send(topic, UUID.randomUUID(), "ok");
        consume(topic);
        awaitApplied(two);

        send(topic, one, "ok");
        send(topic, two, "ok");
        UUID three = send(topic, UUID.randomUUID(), "ok");

        awaitApplied(three);
        assertThat(timesApplied(one)).isEqualTo(1);
        assertThat(timesApplied(two)).isEqualTo(1);
        assertThat(runs.get(one)).hasValue(1);
    }

    @Test
    void appliesEachEventUnderAnObservationOfItsOwnRecordThatItsEffectSees() {
        String topic = "batch.traced";
        UUID one = send(topic, UUID.randomUUID(), "record-observation");
        UUID two = send(topic, UUID.randomUUID(), "record-observation");

        consume(topic);

        awaitApplied(two);
        List<Object> observedKeys = observed.stream()
                .filter(KafkaRecordReceiverContext.class::isInstance)
                .map(context -> (Object) ((KafkaRecordReceiverContext) context).getRecord().key())
                .toList();
        assertThat(observedKeys).contains(one.toString(), two.toString());
    }

    /** Starts a batch consumer on the topic, applying each event through the inbox as a service does. */
    private void consume(String topic) {
        var consumers = new DefaultKafkaConsumerFactory<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString(),
                ConsumerConfig.GROUP_ID_CONFIG, CONSUMER,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer());
        var properties = new ContainerProperties(topic);
        properties.setMessageListener((BatchMessageListener<String, String>) records -> {
            batchSizes.add(records.size());
            batches.apply(records, reader, InboxBatchesTest::applyOnce);
        });
        container = new ConcurrentMessageListenerContainer<>(consumers, properties);
        container.setCommonErrorHandler(DeadLetterTopics.errorHandler(deadLetters.publisher(), 2, Duration.ofMillis(50),
                Duration.ofMillis(200)));
        container.start();
    }

    private static Mono<Boolean> applyOnce(Paid event, ReceivedEvent received) {
        Mono<Void> effect = Mono.defer(() -> {
            int run = runs.computeIfAbsent(event.eventId(), id -> new AtomicInteger()).incrementAndGet();
            Mono<Void> insert = database.sql("INSERT INTO applied (event_id, transaction_id) VALUES (:id, txid_current())")
                    .bind("id", event.eventId()).then();
            return switch (event.behaviour()) {
                // Fails after its write, so that a batch that kept it would show two rows.
                case "fails-twice" -> run <= 2 ? insert.then(Mono.error(new IllegalStateException("deadlock"))) : insert;
                case "record-observation" -> Mono.deferContextual(context -> {
                    Observation observation = context.getOrDefault(ObservationThreadLocalAccessor.KEY, null);
                    boolean own = observation != null && observation.getContext() instanceof KafkaRecordReceiverContext record
                            && record.getRecord().key().equals(event.eventId().toString());
                    return own ? insert : Mono.error(new IllegalStateException("not under its record's observation"));
                });
                default -> insert;
            };
        });
        return inbox.applyOnce(CONSUMER, received, effect);
    }

    private static UUID send(String topic, UUID id, String behaviour) {
        return sendRaw(topic, id, "{\"eventId\":\"" + id + "\",\"amount\":1999,\"behaviour\":\"" + behaviour + "\"}");
    }

    private static UUID sendRaw(String topic, UUID id, String payload) {
        var record = new ProducerRecord<>(topic, id.toString(), payload);
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", id.toString());
        header(record, "ce_type", TYPE);
        header(record, "ce_source", "/shopflow/test");
        header(record, "ce_time", Instant.now().toString());
        header(record, "ce_subject", id.toString());
        producer.send(record).join();
        return id;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }

    private static void awaitApplied(UUID id) {
        await().atMost(Duration.ofSeconds(30)).until(() -> timesApplied(id) > 0);
    }

    private static DeadLetter awaitDeadLetter(String topic, UUID id) {
        await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters.list(topic, CONSUMER, 1000).stream()
                .anyMatch(dead -> id.toString().equals(dead.eventId())));
        return deadLetters.list(topic, CONSUMER, 1000).stream().filter(dead -> id.toString().equals(dead.eventId()))
                .findFirst().orElseThrow();
    }

    private static long timesApplied(UUID id) {
        return database.sql("SELECT count(*) AS n FROM applied WHERE event_id = :id").bind("id", id)
                .map(row -> row.get("n", Long.class)).one().block();
    }

    private static long transactionsOf(List<UUID> ids) {
        return database.sql("SELECT count(DISTINCT transaction_id) AS n FROM applied WHERE event_id = ANY(:ids)")
                .bind("ids", ids.toArray(UUID[]::new))
                .map(row -> row.get("n", Long.class)).one().block();
    }

    private static long inboxRows(List<UUID> ids) {
        return database.sql("SELECT count(*) AS n FROM inbox WHERE consumer = :consumer AND event_id = ANY(:ids)")
                .bind("consumer", CONSUMER)
                .bind("ids", ids.toArray(UUID[]::new))
                .map(row -> row.get("n", Long.class)).one().block();
    }
}
