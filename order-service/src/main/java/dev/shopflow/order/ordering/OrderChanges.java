package dev.shopflow.order.ordering;

import dev.shopflow.platform.database.PostgresChannel;
import dev.shopflow.platform.database.PostgresChannel.Listening;
import dev.shopflow.platform.database.PostgresChannel.Notified;
import dev.shopflow.platform.database.PostgresChannel.Signal;
import io.r2dbc.spi.ConnectionFactory;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Tells the order streams of every instance that an order changed. Every update of an order notifies the PostgreSQL
 * channel {@value #CHANNEL} with the order's id, through a trigger on the table (migration V5; delivered when the
 * transaction commits, never when it rolls back); each instance listens on that channel once, on a connection of its
 * own, and fans what it hears out to its streams in memory. So a change reaches a stream as soon as it commits,
 * whichever instance made it, and no stream polls the database.
 */
@Component
class OrderChanges implements SmartLifecycle {

    /** The notification channel; a notification's payload is the id of the order that changed. */
    static final String CHANNEL = "order_changed";

    private final PostgresChannel channel;
    /**
     * The watchers of each order, by its id as notified: a notification reaches the watchers of its order only, so
     * its cost does not grow with the number of streams open (filtering one shared flux per stream made every
     * notification cost every open stream a signal, which under load grew with the square of the order rate).
     */
    private final ConcurrentMap<String, Set<Sinks.Many<Signal>>> watchers = new ConcurrentHashMap<>();
    private volatile Disposable listening;

    OrderChanges(ConnectionFactory connectionFactory) {
        this.channel = new PostgresChannel(connectionFactory, CHANNEL);
    }

    /**
     * A signal each time the order may have changed: a change to it committed (by any instance), or this instance
     * (re)started listening, when changes may have been missed. A signal says "look again", not what changed; a
     * watcher takes them without limit and keeps the latest.
     */
    Flux<Signal> of(UUID orderId) {
        String id = orderId.toString();
        return Flux.defer(() -> {
            // Registered before it is subscribed to, and buffered in between: a change that commits meanwhile is not
            // lost (OrderStreams subscribes to the changes before its first look). Its one subscriber requests
            // without limit, so the buffer never holds more than the signals of that instant.
            Sinks.Many<Signal> watcher = Sinks.many().unicast().onBackpressureBuffer();
            watchers.compute(id, (order, present) -> {
                Set<Sinks.Many<Signal>> watching = present == null ? ConcurrentHashMap.newKeySet() : present;
                watching.add(watcher);
                return watching;
            });
            return watcher.asFlux().doFinally(end -> watchers.computeIfPresent(id, (order, watching) -> {
                watching.remove(watcher);
                return watching.isEmpty() ? null : watching;
            }));
        });
    }

    /** How many orders have a watcher in this instance now. */
    int watchedOrders() {
        return watchers.size();
    }

    /** Hands a signal to the watchers it concerns: all of them when listening (re)started, else the order's own. */
    private void deliver(Signal signal) {
        switch (signal) {
            case Listening listening -> watchers.values().forEach(watching -> emit(watching, signal));
            case Notified notified -> {
                Set<Sinks.Many<Signal>> watching = watchers.get(notified.payload());
                if (watching != null) {
                    emit(watching, signal);
                }
            }
        }
    }

    private static void emit(Set<Sinks.Many<Signal>> watching, Signal signal) {
        // A watcher that has just ended refuses the signal (FAIL_CANCELLED / FAIL_TERMINATED): nothing to do then.
        watching.forEach(watcher -> watcher.tryEmitNext(signal));
    }

    @Override
    public synchronized void start() {
        if (listening == null) {
            // The listening flux emits one signal at a time, so emissions into a watcher's sink never race.
            listening = channel.listen().subscribe(this::deliver);
        }
    }

    @Override
    public synchronized void stop() {
        if (listening != null) {
            listening.dispose();
            listening = null;
        }
    }

    @Override
    public boolean isRunning() {
        return listening != null;
    }

    /** Listens before the web server takes requests (the phase of platform's outbox relay). */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 2048;
    }
}
