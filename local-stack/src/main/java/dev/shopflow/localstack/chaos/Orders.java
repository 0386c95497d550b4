package dev.shopflow.localstack.chaos;

import dev.shopflow.localstack.audit.AuditTarget;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a chaos run reads of the stack's stores while it runs (never writing): orders by state, and events waiting in
 * the outboxes. Each question opens its own short connection, so a cut connection ({@link DatabaseConnections}) costs
 * at most one answer.
 */
final class Orders {

    static final Set<String> OPEN = Set.of("PENDING", "AWAITING_PAYMENT");
    private static final Duration POLL = Duration.ofMillis(20);

    private final AuditTarget target;

    Orders(AuditTarget target) {
        this.target = target;
    }

    /** The orders database's clock now: orders placed from then on are the run's. */
    OffsetDateTime now() throws SQLException {
        return ask(target.ordersDatabase(), connection -> single(connection, "SELECT now()",
                rows -> rows.getObject(1, OffsetDateTime.class)));
    }

    /** Open orders by state (PENDING, AWAITING_PAYMENT), all of them. */
    Map<String, Integer> open() throws SQLException {
        return ask(target.ordersDatabase(), Orders::openOf);
    }

    /**
     * Waits, up to {@code patience}, until an order is in one of these states, polling every 20 ms.
     *
     * @return the open orders by state at the moment one was found, empty when none was within {@code patience}
     */
    Map<String, Integer> awaitOpenIn(Set<String> states, Duration patience) throws SQLException {
        long deadline = System.nanoTime() + patience.toNanos();
        return ask(target.ordersDatabase(), connection -> {
            Map<String, Integer> open = openOf(connection);
            while (open.keySet().stream().noneMatch(states::contains) && System.nanoTime() < deadline) {
                ChaosCommand.pause(POLL);
                open = openOf(connection);
            }
            return open;
        });
    }

    /** Orders placed since {@code since}, by final outcome ({@code CONFIRMED}, {@code CANCELLED (REASON)}) or state. */
    Map<String, Integer> placedSince(OffsetDateTime since) throws SQLException {
        return ask(target.ordersDatabase(), connection -> {
            try (var statement = connection.prepareStatement("""
                    SELECT CASE WHEN cancellation_reason IS NULL THEN status
                                ELSE status || ' (' || cancellation_reason || ')' END AS outcome, count(*) AS orders
                    FROM orders WHERE created_at >= ? GROUP BY 1""")) {
                statement.setObject(1, since);
                return counts(statement.executeQuery());
            }
        });
    }

    /** Events committed but not yet sent, per outbox (catalog, orders, payments). */
    Map<String, Integer> unsent() throws SQLException {
        var unsent = new TreeMap<String, Integer>();
        for (var database : List.of(Map.entry("catalog", target.catalogDatabase()),
                Map.entry("orders", target.ordersDatabase()), Map.entry("payments", target.paymentsDatabase()))) {
            int count = ask(database.getValue(), connection -> single(connection,
                    "SELECT count(*) FROM outbox WHERE sent_at IS NULL", rows -> rows.getInt(1)));
            unsent.put(database.getKey(), count);
        }
        return unsent;
    }

    @FunctionalInterface
    interface Question<T> {
        T ask(Connection connection) throws SQLException;
    }

    @FunctionalInterface
    private interface Row<T> {
        T map(java.sql.ResultSet rows) throws SQLException;
    }

    private <T> T ask(String database, Question<T> question) throws SQLException {
        try (var connection = target.postgres().connect(database)) {
            return question.ask(connection);
        }
    }

    private static Map<String, Integer> openOf(Connection connection) throws SQLException {
        try (var statement = connection.prepareStatement(
                "SELECT status, count(*) FROM orders WHERE status IN ('PENDING', 'AWAITING_PAYMENT') GROUP BY status")) {
            return counts(statement.executeQuery());
        }
    }

    private static Map<String, Integer> counts(java.sql.ResultSet rows) throws SQLException {
        var counts = new TreeMap<String, Integer>();
        try (rows) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getInt(2));
            }
        }
        return counts;
    }

    private static <T> T single(Connection connection, String sql, Row<T> row) throws SQLException {
        try (var statement = connection.createStatement(); var rows = statement.executeQuery(sql)) {
            rows.next();
            return row.map(rows);
        }
    }

    /** {@code 3 (2 PENDING, 1 AWAITING_PAYMENT)}, or {@code 0}. */
    static String describe(Map<String, Integer> counts) {
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        if (total == 0) {
            return "0";
        }
        return total + " (" + String.join(", ", counts.entrySet().stream()
                .map(entry -> entry.getValue() + " " + entry.getKey()).toList()) + ")";
    }
}
