package dev.shopflow.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shopflow.platform.kafka.DeadLetter;
import dev.shopflow.platform.kafka.DeadLetterTopics;
import dev.shopflow.platform.kafka.DeadLetters;
import dev.shopflow.platform.kafka.MalformedEvent;
import dev.shopflow.platform.kafka.ReceivedEvent;
import dev.shopflow.platform.testsupport.TestPostgres;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * A consumer built as Shopflow's services build theirs: a blocking listener that applies each event through the
 * inbox, with the platform's error handler (bounded retries, then the dead-letter topic), against a real
 * PostgreSQL and a real Kafka broker.
 */
class InboxAndDeadLettersTest {

    static final String TOPIC = "payments.test";
    static final String CONSUMER = "test.consumer";

    static EmbeddedKafkaBroker kafka;
    static DatabaseClient database;
    static TransactionalOperator transactions;
    static Inbox inbox;
    static final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    static DeadLetters deadLetters;
    static KafkaTemplate<String, String> producer;
    static ConcurrentMessageListenerContainer<String, String> container;
    static final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    static volatile boolean bugFixed;

    @BeforeAll
    static void startConsumer() throws Exception {
        kafka = new EmbeddedKafkaKraftBroker(1, 2, TOPIC, DeadLetterTopics.of(TOPIC))
                .brokerProperties(Map.of("auto.create.topics.enable", "false"));
        kafka.afterPropertiesSet();

        String name = TestPostgres.freshDatabase("inbox", "dev/shopflow/platform/inbox/inbox.sql");
        var connections = TestPostgres.connectionFactory(name);
        DatabaseClient.create(connections).sql("CREATE TABLE applied (event_id uuid NOT NULL, payload text NOT NULL)").then().block();
        database = DatabaseClient.create(connections);
        transactions = TransactionalOperator.create(new R2dbcTransactionManager(connections));
        inbox = new Inbox(database, transactions, meters);

        Map<String, Object> clients = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString());
        Map<Class<?>, Serializer<?>> byType = Map.of(String.class, new StringSerializer(), byte[].class, new ByteArraySerializer());
        deadLetters = new DeadLetters(clients, new KafkaTemplate<>(new DefaultKafkaProducerFactory<Object, Object>(clients,
                new DelegatingByTypeSerializer(byType), new DelegatingByTypeSerializer(byType))));
        producer = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(clients, new StringSerializer(), new StringSerializer()));

        var consumers = new DefaultKafkaConsumerFactory<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString(),
                ConsumerConfig.GROUP_ID_CONFIG, CONSUMER,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer());
        var properties = new ContainerProperties(TOPIC);
        properties.setMessageListener((MessageListener<String, String>) record -> {
            ReceivedEvent event = ReceivedEvent.from(record);
            String payload = event.payloadJson();
            int attempt = attempts.computeIfAbsent(event.id().toString(), id -> new AtomicInteger()).incrementAndGet();
            if (payload.contains("poison")) {
                throw new MalformedEvent("Not a payment: " + payload);
            }
            if (payload.contains("flaky") && attempt < 3) {
                throw new IllegalStateException("database hiccup");
            }
            if (payload.contains("bug") && !bugFixed) {
                throw new IllegalStateException("a bug in the consumer");
            }
            inbox.applyOnce(CONSUMER, event, database.sql("INSERT INTO applied (event_id, payload) VALUES (:id, :payload)")
                    .bind("id", event.id()).bind("payload", payload).then()).block();
        });
        container = new ConcurrentMessageListenerContainer<>(consumers, properties);
        container.setCommonErrorHandler(DeadLetterTopics.errorHandler(deadLetters.publisher(), 2, Duration.ofMillis(50), Duration.ofMillis(200)));
        container.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> container.getAssignedPartitions() != null
                && container.getAssignedPartitions().size() == 2);
    }

    @AfterAll
    static void stopConsumer() throws Exception {
        container.stop();
        producer.getProducerFactory().reset();
        deadLetters.destroy();
        kafka.destroy();
    }

    @Test
    void appliesTheSameEventDeliveredTwiceOnceAndCountsTheDuplicate() {
        double duplicatesBefore = inboxEvents("duplicate");
        double appliedBefore = inboxEvents("applied");
        UUID id = UUID.randomUUID();
        send(id, "order-1", "{\"paid\":1999}");
        send(id, "order-1", "{\"paid\":1999}");
        UUID after = send(UUID.randomUUID(), "order-1", "{\"next\":true}");

        awaitApplied(after);
        assertThat(timesApplied(id)).isEqualTo(1);
        assertThat(attempts.get(id.toString())).hasValue(2);
        assertThat(inboxEvents("duplicate")).isGreaterThanOrEqualTo(duplicatesBefore + 1);
        assertThat(inboxEvents("applied")).isGreaterThanOrEqualTo(appliedBefore + 2);
    }

    private static double inboxEvents(String outcome) {
        var counter = meters.find("shopflow.inbox.events").tags("consumer", CONSUMER, "outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void sendsAPoisonRecordToTheDeadLetterTopicAndCarriesOnWithTheNext() {
        UUID poison = send(UUID.randomUUID(), "order-2", "{\"poison\":true}");
        UUID next = send(UUID.randomUUID(), "order-2", "{\"paid\":500}");

        awaitApplied(next);
        DeadLetter dead = awaitDeadLetter(poison);
        assertThat(timesApplied(poison)).isZero();
        assertThat(attempts.get(poison.toString())).as("not retried").hasValue(1);
        assertThat(dead.exceptionClass()).isEqualTo(MalformedEvent.class.getName());
        assertThat(dead.exceptionMessage()).contains("Not a payment");
        assertThat(dead.originalTopic()).isEqualTo(TOPIC);
        assertThat(dead.originalPartition()).isEqualTo(dead.partition());
        assertThat(dead.originalOffset()).isNotNull();
        assertThat(dead.key()).isEqualTo("order-2");
        assertThat(dead.eventType()).isEqualTo("shopflow.payment.succeeded.v1");
    }

    @Test
    void retriesATransientFailureAndAppliesTheEventOnce() {
        UUID flaky = send(UUID.randomUUID(), "order-3", "{\"flaky\":true}");

        awaitApplied(flaky);
        assertThat(attempts.get(flaky.toString())).hasValue(3);
        assertThat(timesApplied(flaky)).isEqualTo(1);
        assertThat(deadLetters.list(TOPIC, CONSUMER, 1000)).noneMatch(dead -> flaky.toString().equals(dead.eventId()));
    }

    @Test
    void sendsARecordWithoutCloudEventsHeadersToTheDeadLetterTopicAtOnce() {
        String key = "bare-" + UUID.randomUUID();
        producer.send(new ProducerRecord<>(TOPIC, key, "{\"paid\":1}")).join();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(deadLetters.list(TOPIC, CONSUMER, 1000))
                .anySatisfy(dead -> {
                    assertThat(dead.key()).isEqualTo(key);
                    assertThat(dead.exceptionClass()).isEqualTo(MalformedEvent.class.getName());
                    assertThat(dead.exceptionMessage()).contains("has no ce_id header");
                }));
    }

    @Test
    void replayingADeadLetterAppliesItOnceHoweverOftenItIsReplayed() {
        UUID buggy = send(UUID.randomUUID(), "order-4", "{\"bug\":true}");
        DeadLetter dead = awaitDeadLetter(buggy);
        assertThat(attempts.get(buggy.toString())).as("first try and two retries").hasValue(3);
        assertThat(dead.exceptionMessage()).contains("a bug in the consumer");
        assertThat(dead.consumerGroup()).isEqualTo(CONSUMER);
        assertThat(deadLetters.list(TOPIC, "another.consumer", 1000)).as("another group's view").isEmpty();
        assertThat(deadLetters.replay(TOPIC, "another.consumer", dead.partition(), dead.offset())).isEmpty();

        bugFixed = true;
        assertThat(deadLetters.replay(TOPIC, CONSUMER, dead.partition(), dead.offset())).contains(dead);
        awaitApplied(buggy);
        deadLetters.replay(TOPIC, CONSUMER, dead.partition(), dead.offset());
        UUID after = send(UUID.randomUUID(), "order-4", "{\"next\":true}");

        awaitApplied(after);
        assertThat(timesApplied(buggy)).isEqualTo(1);
        assertThat(deadLetters.replay(TOPIC, CONSUMER, dead.partition(), dead.offset() + 1_000_000)).isEmpty();
    }

    @Test
    void forgetsAnEventWhoseEffectFailedSoThatItCanBeAppliedLater() {
        var event = new ReceivedEvent(UUID.randomUUID(), "shopflow.payment.succeeded.v1", "/test", "order-5", Instant.now(), "{}");
        Mono<Void> failingEffect = database.sql("INSERT INTO applied (event_id, payload) VALUES (:id, 'x')")
                .bind("id", event.id()).then().then(Mono.error(new IllegalStateException("constraint violated")));

        var failed = inbox.applyOnce(CONSUMER, event, failingEffect).onErrorResume(e -> Mono.just(false)).block();
        var retried = inbox.applyOnce(CONSUMER, event, database.sql("INSERT INTO applied (event_id, payload) VALUES (:id, 'y')")
                .bind("id", event.id()).then()).block();

        assertThat(failed).isFalse();
        assertThat(retried).isTrue();
        assertThat(timesApplied(event.id())).isEqualTo(1);
    }

    private static UUID send(UUID id, String key, String payload) {
        var record = new ProducerRecord<>(TOPIC, key, payload);
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", id.toString());
        header(record, "ce_type", "shopflow.payment.succeeded.v1");
        header(record, "ce_source", "/shopflow/payment-service");
        header(record, "ce_time", Instant.now().toString());
        header(record, "ce_subject", key);
        producer.send(record).join();
        return id;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }

    private static void awaitApplied(UUID id) {
        await().atMost(Duration.ofSeconds(30)).until(() -> timesApplied(id) > 0);
    }

    private static DeadLetter awaitDeadLetter(UUID id) {
        await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters.list(TOPIC, CONSUMER, 1000).stream()
                .anyMatch(dead -> id.toString().equals(dead.eventId())));
        return deadLetters.list(TOPIC, CONSUMER, 1000).stream().filter(dead -> id.toString().equals(dead.eventId())).findFirst().orElseThrow();
    }

    private static long timesApplied(UUID id) {
        return database.sql("SELECT count(*) AS n FROM applied WHERE event_id = :id").bind("id", id)
                .map(row -> row.get("n", Long.class)).one().block();
    }
}
