package dev.shopflow.platform.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import dev.shopflow.platform.database.PostgresChannel;
import io.r2dbc.spi.ConnectionFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Publishes the outbox's pending events to Kafka, at least once and in order per record key, and marks them sent.
 * <ul>
 *     <li>Each batch is one transaction that locks its rows with {@code FOR UPDATE SKIP LOCKED}, so several
 *     instances of a service never publish the same event; a key whose earlier event another relay holds waits
 *     for the next batch, so order per key holds with several relays too.</li>
 *     <li>A batch's events are handed to the producer together (so they travel in few requests) and the batch
 *     completes when every one is answered; one key's events are sent one after another, each after the previous is
 *     acknowledged ({@code acks=all}, idempotent producer); a failure stops that key for this batch, other keys go on. Failed rows stay pending
 *     with their attempt count and error, and are tried again on the next poll.</li>
 *     <li>The relay wakes at once when a transaction that appended events commits (PostgreSQL
 *     {@code LISTEN outbox}, through {@link PostgresChannel}), and polls as well in case a notification is missed.</li>
 *     <li>Records carry CloudEvents 1.0 binary-mode headers ({@code ce_id}, {@code ce_type}, ...) and the W3C trace
 *     context of a producer span that continues the trace of the request that appended the event.</li>
 * </ul>
 * It runs while the application runs, starting before and stopping after the web server, with a last drain of
 * what requests still appended while shutting down.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final String CHANNEL = "outbox";
    private static final Duration FINAL_DRAIN = Duration.ofSeconds(10);

    private static final String LOCK_BATCH = """
            WITH batch AS (
                SELECT id FROM outbox
                WHERE sent_at IS NULL AND created_at <= clock_timestamp() - make_interval(secs => :delay)
                ORDER BY id LIMIT :limit FOR UPDATE SKIP LOCKED
            )
            SELECT o.id, o.event_id, o.topic, o.record_key, o.event_type, o.occurred_at, o.payload, o.headers::text AS headers
            FROM outbox o JOIN batch b ON b.id = o.id
            WHERE NOT EXISTS (
                SELECT 1 FROM outbox earlier
                WHERE earlier.record_key = o.record_key AND earlier.sent_at IS NULL AND earlier.id < o.id
                  AND earlier.id NOT IN (SELECT id FROM batch))
            ORDER BY o.id""";

    private final PostgresChannel notifications;
    private final DatabaseClient database;
    private final TransactionalOperator transactions;
    private final KafkaTemplate<String, String> kafka;
    private final OutboxProperties properties;
    private final String source;
    private final OutboxTracing tracing;
    private final Counter published;
    private final Counter failures;
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong oldestPendingAgeSeconds = new AtomicLong();
    private volatile Disposable running;

    /**
     * @param source the CloudEvents {@code source} of every event, such as {@code /shopflow/order-service}
     */
    public OutboxRelay(ConnectionFactory connectionFactory, TransactionalOperator transactions,
            KafkaTemplate<String, String> kafka, OutboxProperties properties, String source, MeterRegistry meters) {
        this(connectionFactory, transactions, kafka, properties, source, meters, OutboxTracing.NONE);
    }

    /** A relay that publishes each event under a span continuing the trace stored with it. */
    public OutboxRelay(ConnectionFactory connectionFactory, TransactionalOperator transactions,
            KafkaTemplate<String, String> kafka, OutboxProperties properties, String source, MeterRegistry meters,
            OutboxTracing tracing) {
        this.tracing = tracing;
        this.notifications = new PostgresChannel(connectionFactory, CHANNEL);
        this.database = DatabaseClient.create(connectionFactory);
        this.transactions = transactions;
        this.kafka = kafka;
        this.properties = properties;
        this.source = source;
        this.published = Counter.builder("shopflow.outbox.published").description("Events published from the outbox").register(meters);
        this.failures = Counter.builder("shopflow.outbox.publish.failures").description("Failed attempts to publish an outbox event").register(meters);
        Gauge.builder("shopflow.outbox.backlog", backlog, AtomicLong::get).description("Outbox events not yet published").register(meters);
        Gauge.builder("shopflow.outbox.oldest.pending.age", oldestPendingAgeSeconds, AtomicLong::get)
                .description("Age of the oldest outbox event not yet published").baseUnit("seconds").register(meters);
    }

    /**
     * Publishes one batch of pending events.
     *
     * @return how many were published (fewer than the batch size when the outbox is drained or a send failed)
     */
    public Mono<Integer> publishBatch() {
        return transactions.transactional(database.sql(LOCK_BATCH)
                .bind("limit", properties.batchSize())
                .bind("delay", (double) properties.publishDelay().toMillis() / 1000)
                .map(row -> new PendingEvent(
                        row.get("id", Long.class), row.get("event_id", UUID.class), row.get("topic", String.class),
                        row.get("record_key", String.class), row.get("event_type", String.class),
                        row.get("occurred_at", OffsetDateTime.class).toInstant(), row.get("payload", String.class),
                        OutboxHeaders.fromJson(row.get("headers", String.class))))
                .all()
                .collectList()
                .flatMap(this::publishInKeyOrder)
                .flatMap(outcome -> markSent(outcome.sent()).then(recordFailures(outcome.failed()))
                        .thenReturn(outcome.sent().size())));
    }

    /** Publishes batches until the outbox is drained or a send fails (a failed send leaves its batch short). */
    public Mono<Long> drain() {
        return publishBatch()
                .expand(count -> count == properties.batchSize() ? publishBatch() : Mono.empty())
                .reduce(0L, Long::sum);
    }

    /** Deletes sent rows past their retention and refreshes the backlog metrics. */
    public Mono<Void> cleanUp() {
        Mono<Long> deleted = database.sql("""
                        DELETE FROM outbox WHERE id IN (
                            SELECT id FROM outbox WHERE sent_at < now() - make_interval(secs => :retention) LIMIT 1000)""")
                .bind("retention", (double) properties.retention().toMillis() / 1000)
                .fetch().rowsUpdated();
        Mono<Void> measured = database.sql("""
                        SELECT count(*) AS pending, COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0) AS oldest
                        FROM outbox WHERE sent_at IS NULL""")
                .map(row -> {
                    backlog.set(row.get("pending", Long.class));
                    oldestPendingAgeSeconds.set(row.get("oldest", Number.class).longValue());
                    return true;
                })
                .one().then();
        return deleted.then(measured);
    }

    @Override
    public synchronized void start() {
        if (running != null) {
            return;
        }
        // Listening (again) is a wake-up too: what was committed while nobody listened is published now.
        Flux<Object> wakeUps = Flux.merge(notifications.listen(), Flux.interval(Duration.ZERO, properties.pollInterval()));
        Disposable relaying = wakeUps
                .onBackpressureLatest()
                .concatMap(wakeUp -> drain().onErrorResume(this::logFailure), 1)
                .subscribe();
        Disposable cleaning = Flux.interval(Duration.ZERO, properties.cleanupInterval())
                .onBackpressureDrop()
                .concatMap(tick -> cleanUp().onErrorResume(e -> logFailure(e).then()), 1)
                .subscribe();
        running = Disposables.composite(relaying, cleaning);
        log.info("Outbox relay started: batches of {}, polling every {}", properties.batchSize(), properties.pollInterval());
        if (properties.publishDelay().isPositive()) {
            // A fault lab's setting (a window between commit and publish): say so loudly, it is never normal.
            log.warn("Outbox relay holds every event back for {} after it was appended (shopflow.outbox.publish-delay)",
                    properties.publishDelay());
        }
    }

    @Override
    public synchronized void stop() {
        if (running == null) {
            return;
        }
        running.dispose();
        running = null;
        // What requests appended while the web server shut down goes out now rather than at the next start.
        try {
            drain().onErrorResume(this::logFailure).block(FINAL_DRAIN);
        } catch (RuntimeException e) {
            log.warn("Outbox relay stopped with events pending; they are published at the next start: {}", e.getMessage());
        }
        log.info("Outbox relay stopped");
    }

    @Override
    public boolean isRunning() {
        return running != null;
    }

    /** Starts before the web server takes requests and stops after it has finished them. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 2048;
    }

    /**
     * Sends every key's first event at once, from one thread off the database driver's event loop, and each next
     * event of a key once the previous one is acknowledged; completes when every send has been answered.
     */
    private Mono<Outcome> publishInKeyOrder(List<PendingEvent> events) {
        Map<String, List<PendingEvent>> byKey = new LinkedHashMap<>();
        events.forEach(event -> byKey.computeIfAbsent(event.key(), key -> new ArrayList<>()).add(event));
        var sent = java.util.Collections.synchronizedList(new ArrayList<Long>());
        var failed = java.util.Collections.synchronizedList(new ArrayList<Failure>());
        // KafkaProducer.send may block (up to max.block.ms) for metadata or buffer space. Without the hop it would run
        // on the database driver's event loop (after the query), stalling every connection on that loop: one hop
        // for the whole batch, whose sends then travel together.
        return Mono.fromCallable(() -> byKey.values().stream()
                        .map(keyEvents -> inKeyOrder(keyEvents, sent, failed))
                        .toList())
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(Mono::when)
                .then(Mono.fromSupplier(() -> new Outcome(List.copyOf(sent), List.copyOf(failed))));
    }

    /**
     * Sends the key's first event now, on the calling thread, and each next one after the previous is acknowledged
     * (hopping again: the acknowledgement arrives on the producer's network thread, which must never block in a
     * send); a failure stops the key for this batch.
     */
    private Mono<Void> inKeyOrder(List<PendingEvent> keyEvents, List<Long> sent, List<Failure> failed) {
        Mono<Void> chain = sendNow(keyEvents.getFirst(), sent, failed);
        for (PendingEvent next : keyEvents.subList(1, keyEvents.size())) {
            chain = chain.then(Mono.defer(() -> sendNow(next, sent, failed)).subscribeOn(Schedulers.boundedElastic()));
        }
        return chain.onErrorResume(error -> Mono.empty());
    }

    /** Hands the event to the producer at once; the result completes with its acknowledgement. */
    private Mono<Void> sendNow(PendingEvent event, List<Long> sent, List<Failure> failed) {
        return send(event)
                .doOnSuccess(ignored -> sent.add(event.id()))
                .doOnError(error -> failed.add(new Failure(event.id(), describe(error))));
    }

    private Mono<Void> send(PendingEvent event) {
        var record = new ProducerRecord<String, String>(event.topic(), event.key(), event.payload());
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", event.eventId().toString());
        header(record, "ce_type", event.type());
        header(record, "ce_source", source);
        header(record, "ce_time", DateTimeFormatter.ISO_INSTANT.format(event.occurredAt()));
        header(record, "ce_subject", event.key());
        header(record, "content-type", "application/json");
        var publication = tracing.startPublishing("outbox publish " + event.topic(), event.headers());
        publication.headers().forEach((name, value) -> header(record, name, value));
        java.util.concurrent.CompletableFuture<?> acknowledged;
        try {
            acknowledged = kafka.send(record);
        } catch (RuntimeException refused) {
            acknowledged = java.util.concurrent.CompletableFuture.failedFuture(refused);
        }
        return Mono.fromFuture(acknowledged)
                .doOnSuccess(result -> {
                    published.increment();
                    publication.end().accept(null);
                })
                .doOnError(error -> {
                    failures.increment();
                    publication.end().accept(error);
                })
                .then();
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }

    private Mono<Void> markSent(List<Long> ids) {
        if (ids.isEmpty()) {
            return Mono.empty();
        }
        return database.sql("UPDATE outbox SET sent_at = now(), attempts = attempts + 1, last_error = NULL WHERE id = ANY(:ids)")
                .bind("ids", ids.toArray(Long[]::new))
                .then();
    }

    private Mono<Void> recordFailures(List<Failure> failed) {
        return Flux.fromIterable(failed)
                .concatMap(failure -> database.sql("UPDATE outbox SET attempts = attempts + 1, last_error = :error WHERE id = :id")
                        .bind("error", failure.error())
                        .bind("id", failure.id())
                        .then())
                .then(Mono.fromRunnable(() -> failed.forEach(failure ->
                        log.warn("Could not publish outbox event {}; it stays pending: {}", failure.id(), failure.error()))));
    }

    /** The messages of an error and its causes ("Send failed: Topic x not present in metadata after 3000 ms."). */
    static String describe(Throwable error) {
        var messages = new java.util.LinkedHashSet<String>();
        for (Throwable cause = error; cause != null && messages.size() < 5; cause = cause.getCause()) {
            messages.add(cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage());
        }
        return String.join(": ", messages);
    }

    private <T> Mono<T> logFailure(Throwable error) {
        log.warn("Outbox relay round failed; retrying on the next wake-up: {}", error.toString());
        return Mono.empty();
    }

    private record PendingEvent(long id, UUID eventId, String topic, String key, String type, Instant occurredAt, String payload,
            Map<String, String> headers) {
    }

    private record Failure(long id, String error) {
    }

    private record Outcome(List<Long> sent, List<Failure> failed) {
    }
}
