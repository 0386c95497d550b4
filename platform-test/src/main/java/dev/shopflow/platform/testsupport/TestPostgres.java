package dev.shopflow.platform.testsupport;

import dev.shopflow.platform.postgres.PostgresResolver;
import dev.shopflow.platform.postgres.PostgresServer;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL server of this test JVM, resolved once, and the fresh databases created on it. At JVM exit the
 * databases this JVM created are dropped, and so is the server when the tests started it; databases left behind
 * by test runs that were killed are dropped when they are older than a day.
 */
public final class TestPostgres {

    private static final Logger log = LoggerFactory.getLogger(TestPostgres.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final Pattern TEST_DATABASE = Pattern.compile("^[a-z0-9_]+_t(\\d{14})_[a-z0-9]{6}$");
    private static final Duration ABANDONED_AFTER = Duration.ofDays(1);

    private static final Set<String> created = ConcurrentHashMap.newKeySet();
    private static volatile PostgresServer server;

    private TestPostgres() {
    }

    /** The server for this JVM's tests, found by {@link PostgresResolver} from the environment. */
    public static PostgresServer server() {
        if (server == null) {
            synchronized (TestPostgres.class) {
                if (server == null) {
                    server = PostgresResolver.using(System.getenv(), log::info).resolve();
                    log.info("Tests use PostgreSQL at {}", server);
                    dropAbandonedDatabases(server);
                    Runtime.getRuntime().addShutdownHook(new Thread(TestPostgres::cleanUp, "test-postgres-cleanup"));
                }
            }
        }
        return server;
    }

    /**
     * Creates a database no other test context or run uses, named after {@code purpose}
     * (for example {@code orders_t20261121093000_k3x9qa}), and drops it when the JVM exits.
     */
    public static String freshDatabase(String purpose) {
        String name = purpose + uniqueSuffix();
        try {
            server().databases().createIfMissing(name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database " + name + " on " + server + ": " + e.getMessage(), e);
        }
        dropAtExit(name);
        return name;
    }

    /**
     * A fresh database (see {@link #freshDatabase(String)}) with SQL scripts from the class path run in it, such as
     * platform's {@code dev/shopflow/platform/outbox/outbox.sql}.
     */
    public static String freshDatabase(String purpose, String... classpathScripts) {
        String name = freshDatabase(purpose);
        try (var connection = server().connect(name); var statement = connection.createStatement()) {
            for (String script : classpathScripts) {
                try (var in = TestPostgres.class.getClassLoader().getResourceAsStream(script)) {
                    if (in == null) {
                        throw new IllegalArgumentException("No script " + script + " on the class path");
                    }
                    statement.execute(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                }
            }
        } catch (SQLException | java.io.IOException e) {
            throw new IllegalStateException("Cannot prepare test database " + name + ": " + e.getMessage(), e);
        }
        return name;
    }

    /** An R2DBC connection factory (not pooled) for one database on the test server. */
    public static io.r2dbc.spi.ConnectionFactory connectionFactory(String database) {
        var server = server();
        return new io.r2dbc.postgresql.PostgresqlConnectionFactory(io.r2dbc.postgresql.PostgresqlConnectionConfiguration.builder()
                .host(server.host()).port(server.port()).username(server.user()).password(server.password())
                .database(database).build());
    }

    /**
     * A suffix no other test run uses ({@code _t20261121093000_k3x9qa}); a database named {@code purpose + suffix}
     * that is left behind is recognised and dropped by a later run.
     */
    public static String uniqueSuffix() {
        var random = ThreadLocalRandom.current();
        var suffix = new StringBuilder("_t").append(LocalDateTime.now().format(STAMP)).append('_');
        for (int i = 0; i < 6; i++) {
            suffix.append(Character.forDigit(random.nextInt(36), 36));
        }
        return suffix.toString();
    }

    /** Drops the database, created by someone else for this JVM's tests, when the JVM exits. */
    public static void dropAtExit(String database) {
        server();
        created.add(database);
    }

    private static void dropAbandonedDatabases(PostgresServer server) {
        try {
            List<String> names = server.databases().namesStartingWith("");
            var cutoff = LocalDateTime.now().minus(ABANDONED_AFTER);
            for (String name : names) {
                var match = TEST_DATABASE.matcher(name);
                if (match.matches() && isBefore(match.group(1), cutoff)) {
                    server.databases().dropIfExists(name);
                }
            }
        } catch (SQLException e) {
            log.warn("Could not look for abandoned test databases: {}", e.getMessage());
        }
    }

    private static boolean isBefore(String stamp, LocalDateTime cutoff) {
        try {
            return LocalDateTime.parse(stamp, STAMP).isBefore(cutoff);
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static void cleanUp() {
        for (String name : created) {
            try {
                server.databases().dropIfExists(name);
            } catch (SQLException | RuntimeException e) {
                log.warn("Could not drop test database {}: {}", name, e.getMessage());
            }
        }
        try {
            server.close();
        } catch (Exception e) {
            log.warn("Could not stop the test PostgreSQL: {}", e.getMessage());
        }
    }
}
