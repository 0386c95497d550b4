package dev.shopflow.order.ordering;

import dev.shopflow.order.OrderingProperties;
import dev.shopflow.order.ordering.persistence.OrderRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Cancels orders that stay open (PENDING or AWAITING_PAYMENT) longer than the configured deadline as
 * {@code TIMED_OUT}, announcing {@code OrderCancelled}. Safe with several instances: each sweep locks the overdue
 * orders it takes with {@code SKIP LOCKED}, so two sweeps never take the same order, and the order's own lock
 * makes a sweep and a saga event on one order take turns.
 */
@Service
public class OrderTimeouts {

    private static final Logger log = LoggerFactory.getLogger(OrderTimeouts.class);

    private final OrderRepository orders;
    private final OrderWriter writer;
    private final TransactionalOperator transactions;
    private final Clock clock;
    private final Duration deadline;
    private final int batchSize;

    OrderTimeouts(OrderRepository orders, OrderWriter writer, TransactionalOperator transactions, Clock clock,
            OrderingProperties properties) {
        this.orders = orders;
        this.writer = writer;
        this.transactions = transactions;
        this.clock = clock;
        this.deadline = properties.deadline();
        this.batchSize = properties.sweepBatchSize();
    }

    /**
     * Times out one batch of overdue orders, in one transaction.
     *
     * @return how many orders were cancelled
     */
    public Mono<Integer> sweep() {
        Instant now = clock.instant();
        return transactions.transactional(orders.lockOverdue(now.minus(deadline), batchSize)
                        .concatMap(order -> {
                            var before = order.status();
                            var cancelled = order.timeOut(deadline, now);
                            return writer.storeChange(order, before, cancelled).thenReturn(cancelled.isPresent());
                        })
                        .filter(Boolean::booleanValue)
                        .count())
                .map(Long::intValue);
    }

    /** Sweeps until no overdue order is left, every {@code shopflow.ordering.sweep-interval}. */
    @Scheduled(fixedDelayString = "${shopflow.ordering.sweep-interval:5s}",
            initialDelayString = "${shopflow.ordering.sweep-interval:5s}")
    void sweepOverdueOrders() {
        // A blocking edge: the scheduler's thread waits, so that sweeps never overlap within an instance.
        Integer total = sweep().expand(cancelled -> cancelled == batchSize ? sweep() : Mono.empty())
                .reduce(0, Integer::sum)
                .onErrorResume(failure -> {
                    log.warn("The time-out sweep failed; the next one will try again", failure);
                    return Mono.just(0);
                })
                .block();
        if (total != null && total > 0) {
            log.info("Cancelled {} overdue order(s) as TIMED_OUT", total);
        }
    }
}
