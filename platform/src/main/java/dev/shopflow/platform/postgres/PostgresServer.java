package dev.shopflow.platform.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * A PostgreSQL server that Shopflow can use, with superuser credentials, and how it was found.
 * Closing it stops the server only when Shopflow started it (a container or an embedded server).
 */
public final class PostgresServer implements AutoCloseable {

    /** How the server was found; shown to the user so they know which database they are using. */
    public enum Origin {
        CONFIGURED("configured by SHOPFLOW_POSTGRES_URL"),
        LOCAL("local server"),
        CONTAINER("Testcontainers (Docker)"),
        EMBEDDED("embedded PostgreSQL");

        private final String description;

        Origin(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final Origin origin;
    private final AutoCloseable owned;

    /** A server that runs independently of Shopflow, such as the one a service is configured to use. */
    public static PostgresServer existing(String host, int port, String user, String password) {
        return new PostgresServer(host, port, user, password, Origin.CONFIGURED, null);
    }

    PostgresServer(String host, int port, String user, String password, Origin origin, AutoCloseable owned) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password == null ? "" : password;
        this.origin = origin;
        this.owned = owned;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public Origin origin() {
        return origin;
    }

    /** JDBC URL of one database on this server. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** Opens a JDBC connection to one database on this server; the caller closes it. */
    public Connection connect(String database) throws SQLException {
        return connect(jdbcUrl(database), user, password);
    }

    /** The databases on this server, created and dropped by name. */
    public Databases databases() {
        return new Databases(this);
    }

    static Connection connect(String jdbcUrl, String user, String password) throws SQLException {
        var properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password == null ? "" : password);
        properties.setProperty("connectTimeout", "3");
        properties.setProperty("ApplicationName", "shopflow");
        return DriverManager.getConnection(jdbcUrl, properties);
    }

    @Override
    public void close() throws Exception {
        if (owned != null) {
            owned.close();
        }
    }

    @Override
    public String toString() {
        return user + "@" + host + ":" + port + " (" + origin.description() + ")";
    }
}
