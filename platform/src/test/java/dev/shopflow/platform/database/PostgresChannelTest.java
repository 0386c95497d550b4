package dev.shopflow.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.shopflow.platform.database.PostgresChannel.Listening;
import dev.shopflow.platform.database.PostgresChannel.Notified;
import dev.shopflow.platform.database.PostgresChannel.Signal;
import dev.shopflow.platform.testsupport.TestPostgres;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/** A notification channel on a real PostgreSQL, behind a connection pool as in a service. */
class PostgresChannelTest {

    ConnectionPool connections;
    DatabaseClient database;
    TransactionalOperator transactions;
    PostgresChannel channel;
    final List<Signal> heard = new CopyOnWriteArrayList<>();
    Disposable listening;

    @BeforeEach
    void listen() {
        String name = TestPostgres.freshDatabase("channel");
        connections = new ConnectionPool(ConnectionPoolConfiguration.builder(TestPostgres.connectionFactory(name))
                .maxSize(4).build());
        database = DatabaseClient.create(connections);
        transactions = TransactionalOperator.create(new R2dbcTransactionManager(connections));
        channel = new PostgresChannel(connections, "order_changed");
        listening = channel.listen().subscribe(heard::add);
        await().atMost(Duration.ofSeconds(10)).until(() -> heard.contains(new Listening()));
    }

    /** What a trigger does: pg_notify in the transaction of the change, if any. */
    private Mono<Void> notify(String payload) {
        return database.sql("SELECT pg_notify('order_changed', :payload)").bind("payload", payload).then();
    }

    @AfterEach
    void stop() {
        listening.dispose();
        connections.dispose();
    }

    @Test
    void hearsWhatACommittedTransactionSentAndNothingOfOneRolledBack() {
        transactions.transactional(notify("kept")).block();
        transactions.execute(status -> {
            status.setRollbackOnly();
            return notify("rolled back");
        }).blockLast();
        notify("outside a transaction").block();

        await().atMost(Duration.ofSeconds(10)).until(() -> heard.contains(new Notified("outside a transaction")));
        assertThat(heard).containsExactly(new Listening(), new Notified("kept"), new Notified("outside a transaction"));
    }

    @Test
    void deliversANotificationOnlyWhenItsTransactionCommits() {
        var held = transactions.transactional(notify("later").then(Mono.delay(Duration.ofMillis(700)))).toFuture();

        await().during(Duration.ofMillis(400)).atMost(Duration.ofSeconds(1))
                .until(() -> !heard.contains(new Notified("later")));
        held.join();
        await().atMost(Duration.ofSeconds(10)).until(() -> heard.contains(new Notified("later")));
    }

    @Test
    void listensAgainAfterLosingItsConnectionAndSaysSo() {
        database.sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = 'LISTEN order_changed'")
                .then().block();

        await().atMost(Duration.ofSeconds(20))
                .until(() -> heard.stream().filter(Listening.class::isInstance).count() == 2);
        notify("after the reconnection").block();
        await().atMost(Duration.ofSeconds(10)).until(() -> heard.contains(new Notified("after the reconnection")));
    }

    @Test
    void givesItsConnectionBackToThePoolNoLongerListening() {
        var single = new ConnectionPool(ConnectionPoolConfiguration.builder(connections.unwrap()).maxSize(1).build());
        try {
            var heardThere = new CopyOnWriteArrayList<Signal>();
            var there = new PostgresChannel(single, "order_changed").listen().subscribe(heardThere::add);
            await().atMost(Duration.ofSeconds(10)).until(() -> heardThere.contains(new Listening()));

            there.dispose();

            // The pool has one connection: the next user gets the one that listened.
            await().atMost(Duration.ofSeconds(10)).until(() -> DatabaseClient.create(single)
                    .sql("SELECT count(*) AS n FROM pg_listening_channels()")
                    .map(row -> row.get("n", Long.class)).one().block() == 0);
        } finally {
            single.dispose();
        }
    }

    @Test
    void refusesAChannelNameThatIsNotAPlainIdentifier() {
        assertThatThrownBy(() -> new PostgresChannel(connections, "orders; DROP TABLE orders"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
