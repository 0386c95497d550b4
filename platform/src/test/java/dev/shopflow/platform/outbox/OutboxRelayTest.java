package dev.shopflow.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shopflow.platform.events.PublishedEvent;
import dev.shopflow.platform.kafka.EventReader;
import dev.shopflow.platform.kafka.ReceivedEvent;
import dev.shopflow.platform.testsupport.TestPostgres;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** The outbox and its relay against a real PostgreSQL and a real Kafka broker. */
class OutboxRelayTest {

    static final String TOPIC = "orders.test";
    static final JsonMapper JSON = JsonMapper.builder().build();
    static org.springframework.kafka.test.EmbeddedKafkaBroker kafka;

    ConnectionPool connections;
    DatabaseClient database;
    TransactionalOperator transactions;
    Outbox outbox;
    DefaultKafkaProducerFactory<String, String> producers;
    KafkaConsumer<String, String> consumer;
    final List<ConsumerRecord<String, String>> received = new CopyOnWriteArrayList<>();
    final List<OutboxRelay> relays = new ArrayList<>();

    @BeforeAll
    static void startKafka() {
        kafka = new EmbeddedKafkaKraftBroker(1, 3, TOPIC).brokerProperties(Map.of("auto.create.topics.enable", "false"));
        kafka.afterPropertiesSet();
    }

    @AfterAll
    static void stopKafka() {
        kafka.destroy();
    }

    @BeforeEach
    void freshOutbox() throws Exception {
        String name = TestPostgres.freshDatabase("outbox", "dev/shopflow/platform/outbox/outbox.sql");
        // Pooled, as in a service: the relay must find the PostgreSQL connection behind the pool to LISTEN.
        connections = new ConnectionPool(ConnectionPoolConfiguration.builder(TestPostgres.connectionFactory(name)).maxSize(8).build());
        database = DatabaseClient.create(connections);
        transactions = TransactionalOperator.create(new R2dbcTransactionManager(connections));
        outbox = new Outbox(database, JSON);
        producers = new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 3000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 6000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000), new StringSerializer(), new StringSerializer());
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest"), new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(TOPIC));
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            consumer.poll(Duration.ofMillis(100));
            return consumer.assignment().size() == 3;
        });
    }

    @AfterEach
    void stopEverything() {
        relays.forEach(OutboxRelay::stop);
        consumer.close();
        producers.destroy();
        connections.dispose();
    }

    @Test
    void publishesNothingForARolledBackTransactionAndExactlyTheEventsOfACommittedOneInOrderPerKey() {
        var rolledBack = event("order-9", "rolled back");
        transactions.transactional(outbox.append(rolledBack).then(Mono.error(new IllegalStateException("payment refused"))))
                .onErrorResume(IllegalStateException.class, e -> Mono.empty()).block();
        var committed = List.of(event("order-1", "1a"), event("order-2", "2a"), event("order-1", "1b"),
                event("order-2", "2b"), event("order-1", "1c"));
        transactions.transactional(Flux.fromIterable(committed).concatMap(outbox::append).then()).block();

        relay(Duration.ofMinutes(10)).start();

        awaitReceived(5);
        assertThat(payloadsOf("order-1")).containsExactly("1a", "1b", "1c");
        assertThat(payloadsOf("order-2")).containsExactly("2a", "2b");
        assertThat(received).noneMatch(record -> record.value().contains("rolled back"));
        assertThat(pendingRows()).isZero();
    }

    @Test
    void describesEachRecordWithCloudEventsHeaders() {
        var placed = event("order-7", "placed");
        transactions.transactional(outbox.append(placed)).block();

        relay(Duration.ofMinutes(10)).start();

        awaitReceived(1);
        var record = received.getFirst();
        assertThat(record.key()).isEqualTo("order-7");
        assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(record, "ce_id")).isEqualTo(placed.eventId().toString());
        assertThat(header(record, "ce_type")).isEqualTo("shopflow.order.placed.v1");
        assertThat(header(record, "ce_source")).isEqualTo("/shopflow/test-service");
        assertThat(header(record, "ce_subject")).isEqualTo("order-7");
        assertThat(Instant.parse(header(record, "ce_time"))).isEqualTo(placed.occurredAt());
        assertThat(header(record, "content-type")).isEqualTo("application/json");
    }

    @Test
    void publishesAnEventRecordThatAConsumerReadsBackAsTheSameRecord() {
        var placed = new ItemPlaced(UUID.randomUUID(), Instant.parse("2026-11-21T09:30:00.123456Z"), "order-12", 3);
        transactions.transactional(outbox.append(TOPIC, "order-12", placed)).block();

        relay(Duration.ofMinutes(10)).start();

        awaitReceived(1);
        var record = received.getFirst();
        assertThat(record.key()).isEqualTo("order-12");
        assertThat(header(record, "ce_id")).isEqualTo(placed.eventId().toString());
        assertThat(header(record, "ce_type")).isEqualTo("shopflow.test.item-placed.v1");
        assertThat(Instant.parse(header(record, "ce_time"))).isEqualTo(placed.occurredAt());
        assertThat(record.value()).isEqualTo(JSON.writeValueAsString(placed)).doesNotContain("\"type\"");
        var reader = new EventReader<ItemPlaced>(JSON, Map.of("shopflow.test.item-placed.v1", ItemPlaced.class));
        assertThat(reader.read(ReceivedEvent.from(record))).contains(placed);
    }

    @Test
    void refusesATypedEventOutsideATransaction() {
        var placed = new ItemPlaced(UUID.randomUUID(), Instant.now(), "order-13", 1);

        org.assertj.core.api.Assertions.assertThatThrownBy(outbox.append(TOPIC, "order-13", placed)::block)
                .isInstanceOf(OutboxOutsideTransaction.class);
        assertThat(pendingRows()).isZero();
    }

    /** An event record as a service writes one: its type a method, not a field of the payload. */
    record ItemPlaced(UUID eventId, Instant occurredAt, String orderId, int quantity) implements PublishedEvent {

        @Override
        public String type() {
            return "shopflow.test.item-placed.v1";
        }
    }

    @Test
    void wakesOnCommitWithoutWaitingForItsPoll() {
        relay(Duration.ofHours(1)).start();
        awaitReceivedNothingPending();

        transactions.transactional(outbox.append(event("order-3", "woken"))).block();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            poll();
            assertThat(payloadsOf("order-3")).containsExactly("woken");
        });
    }

    @Test
    void anEventCommittedWhileNoRelayRanArrivesOnceWhenOneStarts() {
        var first = relay(Duration.ofMinutes(10));
        first.start();
        first.stop();
        transactions.transactional(outbox.append(event("order-4", "while stopped"))).block();

        var restarted = relay(Duration.ofMinutes(10));
        restarted.start();
        awaitReceived(1);
        restarted.stop();
        relay(Duration.ofMinutes(10)).start();
        transactions.transactional(outbox.append(event("order-4", "marker"))).block();

        awaitReceived(2);
        assertThat(payloadsOf("order-4")).containsExactly("while stopped", "marker");
    }

    @Test
    void holdsAnEventBackForItsPublishDelayAndPublishesItOnceThatHasPassed() {
        var holding = new OutboxRelay(connections, transactions, new KafkaTemplate<>(producers),
                new OutboxProperties(true, 100, Duration.ofMinutes(10), Duration.ofHours(1), Duration.ofMinutes(10),
                        Duration.ofHours(1)),
                "/shopflow/test-service", new SimpleMeterRegistry());
        transactions.transactional(outbox.append(event("order-9", "held"))).block();

        assertThat(holding.publishBatch().block()).as("published within the delay").isZero();
        assertThat(pendingRows()).isEqualTo(1);

        var shortDelay = new OutboxRelay(connections, transactions, new KafkaTemplate<>(producers),
                new OutboxProperties(true, 100, Duration.ofMinutes(10), Duration.ofHours(1), Duration.ofMinutes(10),
                        Duration.ofMillis(300)),
                "/shopflow/test-service", new SimpleMeterRegistry());
        await().atMost(Duration.ofSeconds(10)).until(() -> shortDelay.publishBatch().block() == 1);
        awaitReceived(1);
        assertThat(payloadsOf("order-9")).containsExactly("held");
    }

    @Test
    void twoRelaysOnOneOutboxPublishEveryEventOnceAndInOrderPerKey() {
        var appended = new ArrayList<OutboxEvent>();
        for (int round = 0; round < 10; round++) {
            var batch = IntStream.range(0, 20).mapToObj(key -> event("order-" + key, "step-%02d".formatted(appended.size() / 20))).toList();
            appended.addAll(batch);
        }
        var one = relay(Duration.ofMillis(50), 7);
        var other = relay(Duration.ofMillis(50), 7);
        one.start();
        other.start();

        Flux.fromIterable(appended).buffer(20)
                .concatMap(batch -> transactions.transactional(Flux.fromIterable(batch).concatMap(outbox::append).then()))
                .blockLast();

        awaitReceived(200);
        assertThat(received.stream().map(record -> header(record, "ce_id")).distinct()).hasSize(200);
        for (int key = 0; key < 20; key++) {
            assertThat(payloadsOf("order-" + key)).isSorted().hasSize(10);
        }
    }

    @Test
    void aFailedSendStaysPendingWithItsErrorWhileOtherKeysGoOn() {
        var lost = new OutboxEvent(UUID.randomUUID(), "no-such-topic", "order-5", "shopflow.order.placed.v1", Instant.now(), "{}");
        transactions.transactional(outbox.append(lost).then(outbox.append(event("order-6", "delivered")))).block();

        var relay = relay(Duration.ofMinutes(10));
        assertThat(relay.publishBatch().block()).isEqualTo(1);

        awaitReceived(1);
        assertThat(payloadsOf("order-6")).containsExactly("delivered");
        var failed = database.sql("SELECT attempts, last_error FROM outbox WHERE sent_at IS NULL")
                .map(row -> row.get("attempts", Integer.class) + ": " + row.get("last_error", String.class)).one().block();
        assertThat(failed).startsWith("1: ").contains("no-such-topic");
    }

    @Test
    void refusesToAppendOutsideATransaction() {
        var append = outbox.append(event("order-8", "no transaction"));

        org.assertj.core.api.Assertions.assertThatThrownBy(append::block).isInstanceOf(OutboxOutsideTransaction.class);
        assertThat(pendingRows()).isZero();
    }

    @Test
    void deletesSentRowsAfterTheirRetentionAndMeasuresTheBacklog() {
        var meters = new SimpleMeterRegistry();
        var relay = new OutboxRelay(connections, transactions, new KafkaTemplate<>(producers),
                new OutboxProperties(true, 100, Duration.ofMinutes(10), Duration.ZERO, Duration.ofMinutes(10), Duration.ZERO),
                "/shopflow/test-service", meters);
        transactions.transactional(outbox.append(event("order-1", "sent"))).block();
        relay.publishBatch().block();
        transactions.transactional(outbox.append(event("order-2", "pending"))).block();

        relay.cleanUp().block();

        assertThat(database.sql("SELECT count(*) AS n FROM outbox").map(row -> row.get("n", Long.class)).one().block()).isEqualTo(1);
        assertThat(meters.get("shopflow.outbox.backlog").gauge().value()).isEqualTo(1);
        assertThat(meters.get("shopflow.outbox.published").counter().count()).isEqualTo(1);
    }

    @Test
    void publishesEachEventUnderASpanThatContinuesTheTraceOfTheRequestThatAppendedIt() {
        var tracing = brave.Tracing.newBuilder().traceId128Bit(true).propagationFactory(new io.micrometer.tracing.brave.bridge.W3CPropagation()).build();
        var tracer = new io.micrometer.tracing.brave.bridge.BraveTracer(tracing.tracer(),
                new io.micrometer.tracing.brave.bridge.BraveCurrentTraceContext(tracing.currentTraceContext()));
        var outboxTracing = new MicrometerOutboxTracing(tracer, new io.micrometer.tracing.brave.bridge.BravePropagator(tracing));
        var observations = io.micrometer.observation.ObservationRegistry.create();
        observations.observationConfig().observationHandler(new io.micrometer.tracing.handler.DefaultTracingObservationHandler(tracer));
        // What WebFlux does for a request: an observation, with its span, in the Reactor context.
        var request = io.micrometer.observation.Observation.start("http.server.requests", observations);
        String requestTraceId = spanOf(request).context().traceId();

        transactions.transactional(new Outbox(database, JSON, outboxTracing).append(event("order-11", "traced")))
                .contextWrite(context -> context.put(io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor.KEY, request))
                .block();
        request.stop();
        var relay = new OutboxRelay(connections, transactions, new KafkaTemplate<>(producers),
                new OutboxProperties(true, 100, Duration.ofMinutes(10), Duration.ofHours(1), Duration.ofMinutes(10), Duration.ZERO),
                "/shopflow/test-service", new SimpleMeterRegistry(), outboxTracing);
        relay.publishBatch().block();

        awaitReceived(1);
        String traceparent = header(received.getFirst(), "traceparent");
        assertThat(traceparent).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        assertThat(traceparent.split("-")[1]).as("the request's trace").isEqualTo(requestTraceId);
        assertThat(traceparent.split("-")[2]).as("a span of its own").isNotEqualTo(spanOf(request).context().spanId());
        tracing.close();
    }

    private static io.micrometer.tracing.Span spanOf(io.micrometer.observation.Observation observation) {
        io.micrometer.tracing.handler.TracingObservationHandler.TracingContext tracing =
                observation.getContextView().get(io.micrometer.tracing.handler.TracingObservationHandler.TracingContext.class);
        return tracing.getSpan();
    }

    private OutboxRelay relay(Duration pollInterval) {
        return relay(pollInterval, 100);
    }

    private OutboxRelay relay(Duration pollInterval, int batchSize) {
        var relay = new OutboxRelay(connections, transactions, new KafkaTemplate<>(producers),
                new OutboxProperties(true, batchSize, pollInterval, Duration.ofHours(1), Duration.ofMinutes(10), Duration.ZERO),
                "/shopflow/test-service", new SimpleMeterRegistry());
        relays.add(relay);
        return relay;
    }

    private static OutboxEvent event(String key, String payload) {
        return new OutboxEvent(UUID.randomUUID(), TOPIC, key, "shopflow.order.placed.v1",
                Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS), payload);
    }

    private void poll() {
        consumer.poll(Duration.ofMillis(200)).forEach(received::add);
    }

    private void awaitReceived(int count) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            poll();
            assertThat(received).hasSizeGreaterThanOrEqualTo(count);
        });
        poll();
        assertThat(received).hasSize(count);
    }

    private void awaitReceivedNothingPending() {
        await().atMost(Duration.ofSeconds(10)).until(() -> pendingRows() == 0);
    }

    private List<String> payloadsOf(String key) {
        return received.stream().filter(record -> record.key().equals(key)).map(ConsumerRecord::value).toList();
    }

    private long pendingRows() {
        return database.sql("SELECT count(*) AS n FROM outbox WHERE sent_at IS NULL").map(row -> row.get("n", Long.class)).one().block();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
