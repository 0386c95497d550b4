package dev.shopflow.platform.database;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.reactive.TransactionCallback;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Transactions that end as their own work decides, committed or rolled back whole, whatever their subscriber does.
 *
 * <p>Spring's operator rolls a transaction back when its subscriber cancels (a client that goes away mid-request),
 * without waiting for the statement in flight: a statement the work subscribes at that moment can reach the
 * connection after the ROLLBACK and commit alone, in autocommit, or inside the next transaction given that pooled
 * connection (spring-framework#25091). A checkout then announced an order it never stored. Here a transaction runs
 * on a subscription of its own: a cancelled subscriber only stops listening, and work that has begun runs to its end
 * (work whose caller left before the transaction began is skipped). The subscriber's Reactor context (trace,
 * security, an outer transaction to join) is the work's. ADR 0029.
 */
public final class UncancellableTransactionalOperator implements TransactionalOperator {

    private static final Logger log = LoggerFactory.getLogger(UncancellableTransactionalOperator.class);

    private final TransactionalOperator transactions;

    private UncancellableTransactionalOperator(TransactionalOperator transactions) {
        this.transactions = transactions;
    }

    /** The transactions of that operator, each run to its end. */
    public static TransactionalOperator of(TransactionalOperator transactions) {
        return new UncancellableTransactionalOperator(transactions);
    }

    @Override
    public <T> Mono<T> transactional(Mono<T> work) {
        return toItsEnd(wanted -> transactions.transactional(
                Mono.defer(() -> wanted.getAsBoolean() ? work : Mono.<T>empty())));
    }

    @Override
    public <T> Flux<T> transactional(Flux<T> work) {
        return execute(status -> work);
    }

    /** The work's elements come once it has committed, all together: it cannot be left half done. */
    @Override
    public <T> Flux<T> execute(TransactionCallback<T> action) {
        return toItsEnd(wanted -> transactions.execute(status -> wanted.getAsBoolean() ? action.doInTransaction(status)
                        : Flux.<T>empty()).collectList())
                .flatMapIterable(Function.<List<T>>identity());
    }

    /**
     * Subscribes to the transaction once subscribed to, and lets it end even if that subscriber cancels. The
     * transaction is told whether its caller still listens: a caller gone before the transaction began (while it
     * waited for a connection) has its work skipped, so abandoned requests do not pile work up; once the work has
     * begun it runs whole. An error after the caller left has nobody to go to: a refusal, or a failure that rolled
     * the transaction back, is logged at debug level only.
     */
    private static <T> Mono<T> toItsEnd(Function<BooleanSupplier, Mono<T>> transaction) {
        return Mono.create(sink -> {
            var listening = new AtomicBoolean(true);
            sink.onCancel(() -> listening.set(false));
            if (!listening.get()) {
                return; // cancelled while subscribing: nothing begun, nothing to do
            }
            // One signal for a result or none, so that a result the caller has not requested yet is kept for it.
            transaction.apply(listening::get).singleOptional().contextWrite(sink.contextView())
                    .subscribe(result -> sink.success(result.orElse(null)), error -> {
                        if (listening.get()) {
                            sink.error(error);
                        } else {
                            log.debug("A transaction whose caller went away ended with {}", error.toString());
                        }
                    });
        });
    }
}
