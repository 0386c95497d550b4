package dev.shopflow.platform.postgres;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Creates and drops databases on a {@link PostgresServer}, through its maintenance database {@code postgres}.
 */
public final class Databases {

    private static final Pattern SAFE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final PostgresServer server;

    Databases(PostgresServer server) {
        this.server = server;
    }

    /**
     * Creates the database unless it exists.
     *
     * @return whether it was created now
     * @throws IllegalArgumentException when the name is not a plain lower-case identifier
     * @throws SQLException when the server refuses
     */
    public boolean createIfMissing(String name) throws SQLException {
        requireSafe(name);
        try (var connection = server.connect("postgres")) {
            return createIfMissing(connection, name);
        }
    }

    /** Drops the database if it exists, closing other sessions on it first. */
    public void dropIfExists(String name) throws SQLException {
        requireSafe(name);
        try (var connection = server.connect("postgres");
             var statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    /** Names of the databases whose name starts with the prefix. */
    public List<String> namesStartingWith(String prefix) throws SQLException {
        try (var connection = server.connect("postgres");
             var statement = connection.prepareStatement(
                     "SELECT datname FROM pg_database WHERE starts_with(datname, ?) ORDER BY datname")) {
            statement.setString(1, prefix);
            var names = new ArrayList<String>();
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
            return names;
        }
    }

    static boolean createIfMissing(java.sql.Connection maintenance, String name) throws SQLException {
        requireSafe(name);
        try (var exists = maintenance.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, name);
            try (var rows = exists.executeQuery()) {
                if (rows.next()) {
                    return false;
                }
            }
        }
        try (var create = maintenance.createStatement()) {
            create.execute("CREATE DATABASE " + name);
            return true;
        } catch (SQLException e) {
            // Two services or test contexts racing to create the same database: the loser sees 42P04.
            if ("42P04".equals(e.getSQLState()) || "23505".equals(e.getSQLState())) {
                return false;
            }
            throw e;
        }
    }

    private static void requireSafe(String name) {
        if (name == null || !SAFE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a plain lower-case database name: " + name);
        }
    }
}
