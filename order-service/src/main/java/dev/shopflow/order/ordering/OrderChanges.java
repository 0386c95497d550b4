package dev.shopflow.order.ordering;

import dev.shopflow.order.ordering.domain.Order;
import dev.shopflow.platform.database.PostgresChannel;
import dev.shopflow.platform.database.PostgresChannel.Listening;
import dev.shopflow.platform.database.PostgresChannel.Notified;
import dev.shopflow.platform.database.PostgresChannel.Signal;
import io.r2dbc.spi.ConnectionFactory;
import java.util.UUID;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Tells the order streams of every instance that an order changed. The transaction that changes an order announces
 * it on the PostgreSQL channel {@value #CHANNEL} (delivered when it commits, never when it rolls back); each instance
 * listens on that channel once, on a connection of its own, and fans what it hears out to its streams in memory. So
 * a change reaches a stream as soon as it commits, whichever instance made it, and no stream polls the database.
 */
@Component
class OrderChanges implements SmartLifecycle {

    /** The notification channel; a notification's payload is the id of the order that changed. */
    static final String CHANNEL = "order_changed";

    private final PostgresChannel channel;
    private final Sinks.Many<Signal> heard = Sinks.many().multicast().directBestEffort();
    private volatile Disposable listening;

    OrderChanges(ConnectionFactory connectionFactory) {
        this.channel = new PostgresChannel(connectionFactory, CHANNEL);
    }

    /** Announces, in the caller's transaction, that the order's new state is being stored. */
    Mono<Void> announce(Order order) {
        return channel.send(order.id().toString());
    }

    /**
     * A signal each time the order may have changed: a change to it committed (by any instance), or this instance
     * (re)started listening, when changes may have been missed. A signal says "look again", not what changed; none
     * is kept for a watcher that is not ready for it, so a watcher takes them without limit and keeps the latest.
     */
    Flux<Signal> of(UUID orderId) {
        String id = orderId.toString();
        return heard.asFlux().filter(signal -> switch (signal) {
            case Listening listening -> true;
            case Notified notified -> notified.payload().equals(id);
        });
    }

    @Override
    public synchronized void start() {
        if (listening == null) {
            // The listening flux emits one signal at a time, so emissions into the sink never race.
            listening = channel.listen().subscribe(heard::tryEmitNext);
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
