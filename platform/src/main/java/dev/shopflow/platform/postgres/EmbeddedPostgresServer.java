package dev.shopflow.platform.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;

/** Real PostgreSQL binaries from Maven Central, run as a child process. Only loaded when zonky is on the classpath. */
final class EmbeddedPostgresServer {

    private EmbeddedPostgresServer() {
    }

    /**
     * Starts the server, keeping its data in {@code dataDirectory} when one is given (a restart finds the data
     * again), otherwise in a temporary directory removed on close.
     */
    static PostgresServer start(Path dataDirectory, int port) {
        // The library turns synchronous_commit off for speed; Shopflow's guarantees rest on durable commits.
        var builder = EmbeddedPostgres.builder()
                .setServerConfig("synchronous_commit", "on")
                // Whoever started the server stops it, after the services that use it; not a hook of its own.
                .setRegisterShutdownHook(false);
        if (dataDirectory != null) {
            builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
        }
        if (port > 0) {
            builder.setPort(port);
        }
        try {
            EmbeddedPostgres postgres = builder.start();
            return new PostgresServer("localhost", postgres.getPort(), "postgres", "",
                    PostgresServer.Origin.EMBEDDED, postgres);
        } catch (IOException | RuntimeException e) {
            throw new PostgresUnavailable("The embedded PostgreSQL did not start: " + e.getMessage(), e);
        }
    }
}
