package dev.shopflow.order.ordering;

import dev.shopflow.order.OrderingProperties;
import dev.shopflow.order.ordering.domain.Order;
import dev.shopflow.platform.security.AuthenticatedUser;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Following an order as it moves (the server-sent-events streams). A stream holds one of its user's stream slots
 * from the moment it is opened until it ends for any reason — the terminal state, its maximum duration, an error or
 * the client going away — so that one account cannot hold an unbounded number of connections. Slots are counted per
 * instance.
 */
@Service
public class OrderStreams {

    private final Orders orders;
    private final OrderChanges changes;
    private final int maxPerUser;
    private final Duration maxDuration;
    /** Open streams per user; a user with none has no entry. */
    private final ConcurrentHashMap<UUID, Integer> open = new ConcurrentHashMap<>();

    OrderStreams(Orders orders, OrderChanges changes, OrderingProperties properties) {
        this.orders = orders;
        this.changes = changes;
        this.maxPerUser = properties.streamMaxPerUser();
        this.maxDuration = properties.streamMaxDuration();
    }

    /**
     * The order now, then each time its status changes (whichever instance changed it), until it reaches a terminal
     * state (sent before the end) or the stream has lasted {@code stream-max-duration}, whichever comes first.
     *
     * @throws TooManyOrderStreams (as the first signal) when the caller has {@code stream-max-per-user} streams open
     * @throws OrderNotFound       (as the first signal) when there is no such order, or the caller may not see it
     */
    public Flux<Order> follow(UUID orderId, AuthenticatedUser caller) {
        return Flux.using(() -> takeSlot(caller.id()),
                user -> states(orderId, caller).take(maxDuration),
                this::releaseSlot);
    }

    /** How many streams the user has open in this instance now. */
    int openStreams(UUID userId) {
        return open.getOrDefault(userId, 0);
    }

    private Flux<Order> states(UUID orderId, AuthenticatedUser caller) {
        // Flux.merge subscribes in order: the changes first, then the first look. A change that commits after the
        // first read therefore always signals a second one; nothing falls between reading and listening.
        return Flux.merge(changes.of(orderId).map(signal -> orderId), Mono.just(orderId))
                // A signal means "look again": while one read runs, the latest signal waiting is all that matters.
                .onBackpressureLatest()
                .concatMap(lookAgain -> orders.find(orderId, caller), 1)
                .distinctUntilChanged(Order::status)
                .takeUntil(order -> order.status().isTerminal());
    }

    private UUID takeSlot(UUID userId) {
        if (open.merge(userId, 1, Integer::sum) > maxPerUser) {
            releaseSlot(userId);
            throw new TooManyOrderStreams(maxPerUser);
        }
        return userId;
    }

    private void releaseSlot(UUID userId) {
        open.computeIfPresent(userId, (user, count) -> count > 1 ? count - 1 : null);
    }
}
