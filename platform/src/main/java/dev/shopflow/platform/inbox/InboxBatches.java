package dev.shopflow.platform.inbox;

import dev.shopflow.platform.events.Event;
import dev.shopflow.platform.kafka.EventReader;
import dev.shopflow.platform.kafka.ReceivedEvent;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.KafkaUtils;
import org.springframework.kafka.support.micrometer.KafkaListenerObservation;
import org.springframework.kafka.support.micrometer.KafkaListenerObservation.DefaultKafkaListenerObservationConvention;
import org.springframework.kafka.support.micrometer.KafkaRecordReceiverContext;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Applies what a batch listener received in one poll through the inbox, in <em>one</em> transaction: the inbox rows
 * and the effects of every event in the batch commit together, and the listener container commits the offsets after
 * that. The per-transaction cost (a connection, BEGIN, COMMIT, the transaction's Reactor machinery) is paid once per
 * poll rather than once per record, and under load a poll brings several records.
 * <p>
 * The inbox's guarantees hold as for one record at a time:
 * <ul>
 *     <li>Events are applied in the order of the batch (Kafka's order within each partition), so one aggregate's
 *     events stay in order; each effect runs in the batch's transaction ({@link Inbox#applyOnce} joins it), so an
 *     event delivered twice, even twice in one batch, is applied once.</li>
 *     <li>When the batch's transaction fails, nothing of it is kept, and its events are applied again one at a time,
 *     each in a transaction of its own: those before the failing one commit, and the failing one is reported to the
 *     container's error handler ({@link BatchListenerFailedException} naming it). The error handler commits the
 *     offsets before it, retries it with platform's back-off and finally sends it — it alone — to the dead-letter
 *     topic; the records after it are delivered again in the next poll.</li>
 *     <li>A record that cannot be read (no CloudEvents headers, an unreadable payload, a value that could not be
 *     deserialized) is reported the same way once the records before it are applied, and goes to the dead-letter
 *     topic at once ({@code MalformedEvent} and {@code DeserializationException} are not retried).</li>
 * </ul>
 * Each event's effect runs under an observation of its own, continuing the trace its record carries (as Spring
 * Kafka's observation of a record listener does), so what the effect appends to the outbox carries that trace on.
 * Call it from a blocking {@code @KafkaListener(batch = "true")} method that takes the records.
 */
public class InboxBatches {

    private static final LogAccessor log = new LogAccessor(InboxBatches.class);

    private final TransactionalOperator transactions;
    private final ObservationRegistry observations;

    public InboxBatches(TransactionalOperator transactions, ObservationRegistry observations) {
        this.transactions = transactions;
        this.observations = observations;
    }

    /**
     * Applies the batch: each record the reader reads, with {@code effect} (an application service's method that
     * calls {@link Inbox#applyOnce}), in one transaction; records of types the reader skips are skipped.
     *
     * @throws BatchListenerFailedException naming the first record that could not be read or applied (the records
     *                                      before it are applied and committed)
     */
    public <E extends Event> void apply(List<ConsumerRecord<String, String>> records, EventReader<E> reader,
            BiFunction<E, ReceivedEvent, Mono<?>> effect) {
        apply(records, reader, events -> Mono.empty(), effect, (event, received) -> Mono.empty());
    }

    /**
     * As {@link #apply(List, EventReader, BiFunction)}, running {@code prepare} with the batch's events first, in the
     * batch's transaction: to lock, in one fixed order, rows that several events of the batch change, so that two
     * batches running at once wait for each other rather than deadlock.
     */
    public <E extends Event> void apply(List<ConsumerRecord<String, String>> records, EventReader<E> reader,
            Function<List<E>, Mono<?>> prepare, BiFunction<E, ReceivedEvent, Mono<?>> effect) {
        apply(records, reader, prepare, effect, (event, received) -> Mono.empty());
    }

    /**
     * As {@link #apply(List, EventReader, BiFunction)}, then, once the batch has committed, {@code afterCommit} for
     * each event in order, outside any transaction (a call to another system, which must be safe to run again: it
     * runs on every delivery of the event, the inbox's duplicates included).
     *
     * @throws BatchListenerFailedException also when {@code afterCommit} fails for an event: the error handler
     *                                      retries from that event (the inbox skips what is applied, and the step
     *                                      runs again)
     */
    public <E extends Event> void applyThen(List<ConsumerRecord<String, String>> records, EventReader<E> reader,
            BiFunction<E, ReceivedEvent, Mono<?>> effect, BiFunction<E, ReceivedEvent, Mono<?>> afterCommit) {
        apply(records, reader, events -> Mono.empty(), effect, afterCommit);
    }

    private <E extends Event> void apply(List<ConsumerRecord<String, String>> records, EventReader<E> reader,
            Function<List<E>, Mono<?>> prepare, BiFunction<E, ReceivedEvent, Mono<?>> effect,
            BiFunction<E, ReceivedEvent, Mono<?>> afterCommit) {
        var readable = new ArrayList<Received<E>>(records.size());
        BatchListenerFailedException unreadable = null;
        for (ConsumerRecord<String, String> record : records) {
            try {
                read(record, reader).ifPresent(readable::add);
            } catch (RuntimeException e) {
                // What came before is applied first; the error handler then dead-letters this record and delivers
                // the ones after it again.
                unreadable = failed(record, e);
                break;
            }
        }
        if (!readable.isEmpty()) {
            applyTogether(readable, prepare, effect);
            for (Received<E> received : readable) {
                try {
                    observed(received, afterCommit.apply(received.event(), received.received())).block();
                } catch (RuntimeException e) {
                    throw failed(received.record(), e);
                }
            }
        }
        if (unreadable != null) {
            throw unreadable;
        }
    }

    /** One transaction for the batch; when it fails, one per event, up to the event that fails on its own. */
    private <E extends Event> void applyTogether(List<Received<E>> batch, Function<List<E>, Mono<?>> prepare,
            BiFunction<E, ReceivedEvent, Mono<?>> effect) {
        Mono<Void> together = Mono.defer(() -> prepare.apply(batch.stream().map(Received::event).toList()))
                .thenMany(Flux.fromIterable(batch)
                        .concatMap(received -> observed(received, effect.apply(received.event(), received.received()))))
                .then();
        try {
            transactions.transactional(together).block();
            return;
        } catch (RuntimeException batchFailed) {
            if (batch.size() == 1) {
                throw failed(batch.getFirst().record(), batchFailed);
            }
            log.info(() -> "A batch of " + batch.size() + " events failed as a whole (" + batchFailed
                    + "); applying them one at a time");
        }
        for (Received<E> received : batch) {
            try {
                transactions.transactional(Mono.defer(() -> prepare.apply(List.of(received.event())))
                        .then(observed(received, effect.apply(received.event(), received.received())))).block();
            } catch (RuntimeException e) {
                throw failed(received.record(), e);
            }
        }
    }

    /**
     * The effect under an observation continuing the record's trace (the Observation in the Reactor context is
     * where platform's outbox finds the span to continue, as it finds a web request's).
     */
    private <T> Mono<T> observed(Received<?> received, Mono<T> work) {
        if (observations.isNoop()) {
            return work;
        }
        return Mono.defer(() -> {
            ConsumerRecord<String, String> record = received.record();
            Observation observation = KafkaListenerObservation.LISTENER_OBSERVATION.observation(null,
                    DefaultKafkaListenerObservationConvention.INSTANCE,
                    () -> new KafkaRecordReceiverContext(record, "inbox-batch", "",
                            java.util.Objects.requireNonNullElse(KafkaUtils.getConsumerGroupId(), ""), () -> null),
                    observations).start();
            return work.contextWrite(context -> context.put(ObservationThreadLocalAccessor.KEY, observation))
                    .doOnError(observation::error)
                    .doFinally(signal -> observation.stop());
        });
    }

    private static <E extends Event> java.util.Optional<Received<E>> read(ConsumerRecord<String, String> record,
            EventReader<E> reader) {
        DeserializationException undeserializable = SerializationUtils.getExceptionFromHeader(record,
                SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, log);
        if (undeserializable != null) {
            throw undeserializable;
        }
        var received = ReceivedEvent.from(record);
        return reader.read(received).map(event -> new Received<>(record, received, event));
    }

    private static BatchListenerFailedException failed(ConsumerRecord<?, ?> record, Throwable cause) {
        return new BatchListenerFailedException("Record " + record.topic() + "-" + record.partition() + "@"
                + record.offset() + " failed: " + cause.getMessage(), cause, record);
    }

    private record Received<E>(ConsumerRecord<String, String> record, ReceivedEvent received, E event) {
    }
}
