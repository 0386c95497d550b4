package dev.shopflow.order.ordering;

import dev.shopflow.order.ordering.domain.Order;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Tells the watchers of orders (the server-sent-events streams) in this instance that an order changed, as soon as
 * the change commits (emissions are serialised: commits happen on many threads). Changes made by another instance reach a stream through its periodic re-read instead.
 */
@Component
class OrderWatchers {

    private final Sinks.Many<UUID> changes = Sinks.many().multicast().directBestEffort();

    /** The order's new state committed. */
    synchronized void changed(Order order) {
        changes.tryEmitNext(order.id());
    }

    /** A signal each time the order changes here; nothing is buffered for a slow watcher (it re-reads anyway). */
    Flux<UUID> changesOf(UUID orderId) {
        return changes.asFlux().filter(orderId::equals);
    }
}
