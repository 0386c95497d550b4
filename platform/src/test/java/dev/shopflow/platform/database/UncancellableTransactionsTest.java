package dev.shopflow.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.shopflow.platform.testsupport.TestPostgres;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * Transactions whose subscriber cancels (a client that goes away mid-request) at any point of their work, against a
 * real PostgreSQL through a connection pool as in the services. With Spring's own operator, about one such
 * transaction in a hundred committed some of its statements and not the others (ADR 0029).
 */
class UncancellableTransactionsTest {

    /** Statements per transaction: points between them for a cancellation to fall on. */
    static final int STATEMENTS = 6;
    static final int TRANSACTIONS = 1000;

    static ConnectionPool connections;
    static DatabaseClient database;
    static TransactionalOperator transactions;

    @BeforeAll
    static void createTable() {
        // A connection given back to the pool after a rollback is the next transaction's, as in the services.
        connections = new ConnectionPool(ConnectionPoolConfiguration.builder(
                TestPostgres.connectionFactory(TestPostgres.freshDatabase("uncancellable"))).maxSize(4).build());
        database = DatabaseClient.create(connections);
        database.sql("CREATE TABLE written (run uuid NOT NULL, step int NOT NULL)").then().block();
        transactions = UncancellableTransactionalOperator.of(
                TransactionalOperator.create(new R2dbcTransactionManager(connections)));
    }

    @AfterAll
    static void closePool() {
        connections.dispose();
    }

    @Test
    void aTransactionWhoseSubscriberCancelsRunsToItsEndAndCommitsWhole() {
        Set<UUID> begun = ConcurrentHashMap.newKeySet();
        List<UUID> runs = cancelledMidway(run -> Mono.fromRunnable(() -> begun.add(run)).then(writes(run, STATEMENTS)));

        // Once every transaction has ended: the work that had begun committed whole, the rest was skipped.
        await().atMost(Duration.ofSeconds(30)).until(() -> connections.getMetrics().orElseThrow().acquiredSize() == 0
                && connections.getMetrics().orElseThrow().pendingAcquireSize() == 0);
        assertThat(begun).isNotEmpty();
        assertThat(written(runs)).allSatisfy((run, statements) ->
                assertThat(statements).isEqualTo(begun.contains(run) ? STATEMENTS : 0L));
    }

    @Test
    void aTransactionWhoseSubscriberCancelsAndWhoseWorkFailsRollsBackWhole() {
        List<UUID> runs = cancelledMidway(run -> writes(run, STATEMENTS)
                .then(Mono.error(new IllegalStateException("refused after the last statement"))));

        // Once every transaction has ended and given its connection back, none has a statement committed.
        await().atMost(Duration.ofSeconds(30)).until(() -> connections.getMetrics().orElseThrow().acquiredSize() == 0
                && connections.getMetrics().orElseThrow().pendingAcquireSize() == 0);
        assertThat(written(runs)).allSatisfy((run, statements) -> assertThat(statements).isZero());
    }

    @Test
    void aTransactionCancelledBetweenTwoStatementsCommitsBoth() {
        UUID run = UUID.randomUUID();
        Mono<Void> work = writes(run, 1).then(Mono.delay(Duration.ofMillis(300))).then(writes(run, 1));

        // Cancelled while the work waits between its statements.
        assertThat(work.as(transactions::transactional).take(Duration.ofMillis(100)).blockOptional()).isEmpty();

        await().atMost(Duration.ofSeconds(10)).until(() -> written(List.of(run)).get(run) == 2);
    }

    @Test
    void workWhoseCallerLeftBeforeItsTransactionBeganIsSkipped() {
        // Every connection of the pool is held, so the next transaction waits for one; its caller leaves meanwhile.
        var holders = Flux.range(0, 4).flatMap(i -> Mono.delay(Duration.ofMillis(800)).as(transactions::transactional))
                .then().toFuture();
        await().atMost(Duration.ofSeconds(10)).until(() -> connections.getMetrics().orElseThrow().acquiredSize() == 4);
        UUID abandoned = UUID.randomUUID();
        writes(abandoned, 1).as(transactions::transactional).take(Duration.ofMillis(100)).block();

        holders.join();
        await().atMost(Duration.ofSeconds(10)).until(() -> connections.getMetrics().orElseThrow().acquiredSize() == 0
                && connections.getMetrics().orElseThrow().pendingAcquireSize() == 0);
        assertThat(written(List.of(abandoned))).containsEntry(abandoned, 0L);
    }

    @Test
    void keepsTheResultForACallerThatAsksForItLate() {
        UUID run = UUID.randomUUID();
        StepVerifier.create(writes(run, 1).thenReturn("done").as(transactions::transactional), 0)
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(500)) // the transaction has committed by now
                .thenRequest(1)
                .expectNext("done")
                .verifyComplete();
    }

    @Test
    void answersTheWorksResultOrErrorToASubscriberThatWaits() {
        UUID run = UUID.randomUUID();
        assertThat(writes(run, 2).thenReturn("done").as(transactions::transactional).block()).isEqualTo("done");
        assertThat(Flux.range(1, 3).concatMap(step -> writes(UUID.randomUUID(), 1).thenReturn(step))
                .as(transactions::transactional).collectList().block()).containsExactly(1, 2, 3);
        assertThat(Mono.empty().as(transactions::transactional).blockOptional()).isEmpty();

        UUID refused = UUID.randomUUID();
        assertThatThrownBy(() -> writes(refused, 2).then(Mono.error(new IllegalArgumentException("no")))
                .as(transactions::transactional).block()).isInstanceOf(IllegalArgumentException.class).hasMessage("no");
        assertThat(written(List.of(run, refused))).isEqualTo(Map.of(run, 2L, refused, 0L));
    }

    @Test
    void theWorkSeesItsSubscribersContextAndJoinsItsTransaction() {
        TransactionalOperator outer = TransactionalOperator.create(new R2dbcTransactionManager(connections));
        Mono<Long> transactionId = database.sql("SELECT txid_current() AS id").map(row -> row.get("id", Long.class)).one();

        var ids = transactionId.zipWith(transactionId.as(transactions::transactional)
                        .zipWith(Mono.deferContextual(context -> Mono.just(context.<String>get("caller")))
                                .as(transactions::transactional)))
                .as(outer::transactional)
                .contextWrite(context -> context.put("caller", "alice"))
                .block();

        assertThat(ids.getT2().getT1()).isEqualTo(ids.getT1());
        assertThat(ids.getT2().getT2()).isEqualTo("alice");
    }

    @Test
    void everyOperatorOfAServiceRunsItsTransactionsToTheirEnd() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(R2dbcTransactionManagerAutoConfiguration.class,
                        TransactionAutoConfiguration.class, TransactionsAutoConfiguration.class))
                .withBean(io.r2dbc.spi.ConnectionFactory.class, () -> connections)
                .run(context -> assertThat(context).getBean(TransactionalOperator.class)
                        .isInstanceOf(UncancellableTransactionalOperator.class));
    }

    /** Runs a transaction of this work per run, eight at a time, each cancelled after up to 20 ms; the runs' ids. */
    private static List<UUID> cancelledMidway(Function<UUID, Mono<Void>> work) {
        return Flux.range(0, TRANSACTIONS).flatMap(i -> {
            UUID run = UUID.randomUUID();
            Duration cancelAfter = Duration.ofNanos(ThreadLocalRandom.current().nextLong(20_000_000));
            return work.apply(run).as(transactions::transactional).take(cancelAfter)
                    .onErrorComplete(IllegalStateException.class).thenReturn(run);
        }, 8).collectList().block();
    }

    /** {@code count} inserts for this run, one statement each. */
    private static Mono<Void> writes(UUID run, int count) {
        return Flux.range(1, count)
                .concatMap(step -> database.sql("INSERT INTO written VALUES (:run, :step)")
                        .bind("run", run).bind("step", step).then())
                .then();
    }

    /** How many statements of each run are committed (0 for none). */
    private static Map<UUID, Long> written(List<UUID> runs) {
        Map<UUID, Long> counts = database.sql("SELECT run, count(*) AS n FROM written GROUP BY run")
                .map(row -> Map.entry(row.get("run", UUID.class), row.get("n", Long.class))).all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue).block();
        return runs.stream().collect(Collectors.toMap(run -> run, run -> counts.getOrDefault(run, 0L)));
    }
}
