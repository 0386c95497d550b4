package dev.shopflow.localstack.audit;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The services' databases during one check, read only: each is read in one read-only, repeatable-read transaction,
 * so every query of a check sees the same moment of that database. (Two databases are never read at one moment:
 * what is in flight between services shows up as a difference, which is why the audit settles.) The fault labs' checks
 * read through it too.
 */
public final class Stores implements AutoCloseable {

    /** A database the audit reads, named as the report names it. */
    public enum Store {
        CATALOG("catalog", "catalog-service"), ORDERS("orders", "order-service"), PAYMENTS("payments", "payment-service");

        private final String label;
        private final String service;

        Store(String label, String service) {
            this.label = label;
            this.service = service;
        }

        String label() {
            return label;
        }

        /** The database of the service whose Kafka consumer group has this name (its application name). */
        static java.util.Optional<Store> ofConsumerGroup(String group) {
            return java.util.Arrays.stream(values()).filter(store -> store.service.equals(group)).findFirst();
        }
    }

    /** Maps the current row of a result. */
    @FunctionalInterface
    public interface Row<T> {
        T map(ResultSet row) throws SQLException;
    }

    private final AuditTarget target;
    private final Map<Store, Connection> open = new EnumMap<>(Store.class);

    public Stores(AuditTarget target) {
        this.target = target;
    }

    /** The rows the query finds, each mapped. */
    public <T> List<T> list(Store store, String sql, Row<T> mapper, Object... parameters) throws SQLException {
        try (var statement = connection(store).prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            var found = new ArrayList<T>();
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.add(mapper.map(rows));
                }
            }
            return found;
        }
    }

    boolean hasTable(Store store, String table) throws SQLException {
        return !list(store, "SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = ?",
                row -> true, table).isEmpty();
    }

    private Connection connection(Store store) throws SQLException {
        Connection connection = open.get(store);
        if (connection == null) {
            try {
                connection = target.postgres().connect(database(store));
            } catch (SQLException e) {
                throw new SQLException("the " + store.label() + " database (" + database(store) + ") does not answer: "
                        + e.getMessage(), e.getSQLState(), e);
            }
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            open.put(store, connection);
        }
        return connection;
    }

    private String database(Store store) {
        return switch (store) {
            case CATALOG -> target.catalogDatabase();
            case ORDERS -> target.ordersDatabase();
            case PAYMENTS -> target.paymentsDatabase();
        };
    }

    @Override
    public void close() {
        open.values().forEach(connection -> {
            try {
                connection.rollback();
                connection.close();
            } catch (SQLException e) {
                // Only reads were made: nothing to lose.
            }
        });
        open.clear();
    }
}
