package dev.shopflow.localstack.chaos;

import dev.shopflow.localstack.ServiceLaunch;
import dev.shopflow.localstack.ServiceSpec;
import dev.shopflow.localstack.StackSettings;
import dev.shopflow.platform.postgres.PostgresServer;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The stack's connections to PostgreSQL, cut from the server's side with {@code pg_terminate_backend}: what a
 * PostgreSQL restart or a network failure does to the services' connection pools and {@code LISTEN} connections,
 * without restarting a server the launcher does not own. Only client connections to the stack's own databases
 * (those named in its launch files, so with {@code SHOPFLOW_DATABASE_SUFFIX}) are cut; other databases on the same
 * server are never touched.
 */
public final class DatabaseConnections {

    private final PostgresServer server;
    private final List<String> databases;

    /**
     * @param server    the server the databases are on, with a user allowed to end their connections (their owner or
     *                  a superuser)
     * @param databases the databases whose connections are cut
     */
    public DatabaseConnections(PostgresServer server, List<String> databases) {
        if (databases.isEmpty()) {
            throw new IllegalArgumentException("No database to cut connections to");
        }
        this.server = server;
        this.databases = List.copyOf(databases);
    }

    /**
     * The databases of the stack these settings start, on its server, as the launcher gave them to the services.
     *
     * @throws IllegalStateException when the stack has never been started with these settings
     */
    public static DatabaseConnections of(StackSettings settings) {
        PostgresServer server = null;
        var databases = new ArrayList<String>();
        for (ServiceSpec service : ServiceSpec.ALL) {
            if (service.database() == null) {
                continue;
            }
            Map<String, String> environment = ServiceLaunch.saved(settings, service)
                    .orElseThrow(() -> new IllegalStateException("No launch file of " + service.name() + " in "
                            + settings.runDirectory() + ": start the stack with ./shopflow up -d"))
                    .environment();
            if (server == null) {
                server = PostgresServer.existing(environment.get("DB_HOST"), Integer.parseInt(environment.get("DB_PORT")),
                        environment.get("DB_USER"), environment.getOrDefault("DB_PASSWORD", ""));
            }
            databases.add(environment.get("DB_NAME"));
        }
        return new DatabaseConnections(server, databases);
    }

    public List<String> databases() {
        return databases;
    }

    /**
     * Ends every client connection to the databases, except the one this asks through.
     *
     * @return how many were ended, per database (a database without any is left out)
     */
    public Map<String, Integer> terminate() throws SQLException {
        var ended = new TreeMap<String, Integer>();
        try (var connection = server.connect(databases.getFirst());
             var statement = connection.prepareStatement("""
                     SELECT datname, count(*) AS ended FROM (
                         SELECT datname, pg_terminate_backend(pid) AS done FROM pg_stat_activity
                         WHERE datname = ANY (?) AND pid <> pg_backend_pid() AND backend_type = 'client backend'
                     ) terminated
                     WHERE done GROUP BY datname""")) {
            statement.setArray(1, connection.createArrayOf("text", databases.toArray()));
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    ended.put(rows.getString("datname"), rows.getInt("ended"));
                }
            }
        }
        return ended;
    }
}
