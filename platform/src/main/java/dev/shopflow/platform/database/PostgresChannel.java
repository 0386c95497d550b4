package dev.shopflow.platform.database;

import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Wrapped;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * One PostgreSQL notification channel ({@code LISTEN}/{@code NOTIFY}) over R2DBC: how a service wakes at once when
 * a transaction — in this instance or in another one on the same database — commits a change it waits for.
 * <ul>
 *     <li>Notifications come from the database: a trigger on the table that changed ({@code outbox_notify} on
 *     {@code outbox}, {@code order_changed} on {@code orders}) runs {@code pg_notify} in the transaction that
 *     changes it, so PostgreSQL delivers the notification when that transaction commits, and never when it rolls
 *     back — whoever made the change.</li>
 *     <li>{@link #listen} listens on a connection of its own and hears every notification committed while it
 *     listens. After a lost connection it listens again (backing off up to 30 s) and says so with a fresh
 *     {@link Listening} signal: notifications sent while nobody listened are lost, so a listener that relies on
 *     them looks at the current state again on each {@link Listening}.</li>
 * </ul>
 * Notifications are hints, not messages: PostgreSQL merges identical ones within a transaction and drops them when
 * nobody listens, so the data itself stays in tables and listeners re-read it.
 */
public class PostgresChannel {

    private static final Logger log = LoggerFactory.getLogger(PostgresChannel.class);
    /** A plain lower-case identifier: it is written into {@code LISTEN} as is. */
    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final ConnectionFactory connectionFactory;
    private final String name;

    /**
     * @param connectionFactory the service's connection factory; listening holds one connection of it
     * @param name              the channel, a lower-case identifier such as {@code outbox}
     * @throws IllegalArgumentException when the name is not a plain lower-case identifier
     */
    public PostgresChannel(ConnectionFactory connectionFactory, String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("A channel name is a lower-case identifier: " + name);
        }
        this.connectionFactory = connectionFactory;
        this.name = name;
    }

    /** What a listener hears. */
    public sealed interface Signal permits Listening, Notified {
    }

    /**
     * The channel is listened to from now on: the first time, or again after a lost connection. What was notified
     * before may have been missed.
     */
    public record Listening() implements Signal {
    }

    /** A notification committed on the channel, with its payload ({@code ""} when it had none). */
    public record Notified(String payload) implements Signal {
    }

    /** The channel's name. */
    public String name() {
        return name;
    }

    /**
     * Listens until cancelled: a {@link Listening} signal each time listening (re)starts, and each notification.
     * Subscribing opens a connection of its own and holds it; cancelling closes it. A connection that is lost or
     * fails is replaced, after a back-off that starts again once listening works, so the flux never ends on its
     * own. When the connection factory does not give PostgreSQL connections, nothing is ever signalled.
     */
    public Flux<Signal> listen() {
        return Flux.usingWhen(Mono.from(connectionFactory.create()), this::listenOn, this::stopListening)
                .retryWhen(Retry.backoff(Long.MAX_VALUE, FIRST_BACKOFF).maxBackoff(MAX_BACKOFF)
                        // A connection that worked for a while and then failed starts again from the first back-off.
                        .transientErrors(true)
                        .doBeforeRetry(signal -> log.warn("Notifications on channel {} interrupted, listening again: {}",
                                name, signal.failure().getMessage())));
    }

    private Flux<Signal> listenOn(Connection connection) {
        Optional<PostgresqlConnection> postgres = postgres(connection);
        if (postgres.isEmpty()) {
            log.info("Not a PostgreSQL connection: nothing is notified on channel {}", name);
            return Flux.never();
        }
        PostgresqlConnection listening = postgres.get();
        return Flux.from(listening.createStatement("LISTEN " + name).execute())
                .flatMap(Result::getRowsUpdated)
                .thenMany(Flux.<Signal>just(new Listening())
                        .concatWith(listening.getNotifications()
                                .map(notification -> new Notified(
                                        notification.getParameter() == null ? "" : notification.getParameter())))
                        // The notifications end when the connection closes under us: that is a failure to recover from.
                        .concatWith(Mono.error(() -> new IllegalStateException("The listening connection closed"))));
    }

    /**
     * Gives the connection back: a pool hands it out again, and it must not go on collecting this channel's
     * notifications for its next user. A connection that broke cannot {@code UNLISTEN}, and needs not.
     */
    private Mono<Void> stopListening(Connection connection) {
        return Flux.from(connection.createStatement("UNLISTEN " + name).execute())
                .flatMap(Result::getRowsUpdated)
                .then()
                .onErrorComplete()
                .then(Mono.from(connection.close()));
    }

    /** The PostgreSQL connection behind a pooled or otherwise wrapped one. */
    private static Optional<PostgresqlConnection> postgres(Connection connection) {
        Object candidate = connection;
        while (candidate != null) {
            if (candidate instanceof PostgresqlConnection postgresql) {
                return Optional.of(postgresql);
            }
            candidate = candidate instanceof Wrapped<?> wrapped ? wrapped.unwrap() : null;
        }
        return Optional.empty();
    }
}
