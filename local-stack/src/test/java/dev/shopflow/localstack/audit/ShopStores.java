package dev.shopflow.localstack.audit;

import dev.shopflow.platform.postgres.PostgresServer;
import dev.shopflow.platform.testsupport.TestPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.flywaydb.core.Flyway;

/**
 * Fresh catalog, orders and payments databases with the services' real schemas (each service's own Flyway
 * migrations, SQL and Java, run from its compiled classes), and the rows the saga leaves behind for orders in each
 * state: consistent, so that a test can break exactly one thing.
 */
public final class ShopStores implements AutoCloseable {

    static final String CURRENCY = "EUR";

    public final PostgresServer server = TestPostgres.server();
    public final String catalog = migrated("catalog-service", "catalog");
    public final String orders = migrated("order-service", "orders");
    public final String payments = migrated("payment-service", "payments");
    private final UUID category = UUID.randomUUID();
    private final java.util.Map<String, java.sql.Connection> connections = new java.util.HashMap<>();

    public ShopStores() {
        reset();
    }

    /** Empties every table (the schemas stay), leaving one category. */
    public void reset() {
        for (String database : java.util.List.of(catalog, orders, payments)) {
            update(database, """
                    DO $$ BEGIN
                        EXECUTE (SELECT 'TRUNCATE ' || string_agg(quote_ident(tablename), ', ') || ' RESTART IDENTITY CASCADE'
                                 FROM pg_tables WHERE schemaname = current_schema() AND tablename <> 'flyway_schema_history');
                    END $$""");
        }
        update(catalog, "INSERT INTO categories (id, slug, name) VALUES (?, 'audio', 'Audio')", category);
    }

    public AuditTarget target(String kafkaBootstrapServers) {
        return new AuditTarget(server, catalog, orders, payments, kafkaBootstrapServers);
    }

    /** A product with this many units on hand. */
    public UUID product(int onHand) {
        UUID id = UUID.randomUUID();
        update(catalog, """
                INSERT INTO products (id, sku, name, category_id, price_amount, price_currency)
                VALUES (?, ?, 'Headphones', ?, 1999, 'EUR')""", id, "SKU-" + id.toString().substring(0, 8), category);
        update(catalog, "INSERT INTO stock (product_id, on_hand) VALUES (?, ?)", id, onHand);
        return id;
    }

    /** An order taken to CONFIRMED: stock committed, one payment of its total, every event sent and applied once. */
    public UUID confirmedOrder(UUID product, int quantity) {
        UUID order = placedOrder(product, quantity, "CONFIRMED", null, Duration.ofMinutes(1));
        reserve(order, product, quantity);
        applied(catalog, "catalog.inventory", order, "shopflow.order.confirmed.v1");
        update(catalog, "UPDATE stock_reservations SET status = 'COMMITTED' WHERE order_id = ?", order);
        update(catalog, "UPDATE stock SET on_hand = on_hand - ?, reserved = reserved - ? WHERE product_id = ?",
                quantity, quantity, product);
        payment(order, "SUCCEEDED", 1999L * quantity);
        saga(order, "PAYMENT_SUCCEEDED", "payment-service", "shopflow.payment.succeeded.v1");
        sent(orders, order, "shopflow.order.confirmed.v1");
        return order;
    }

    /** An order whose card was declined: its stock released, its payment failed. */
    public UUID declinedOrder(UUID product, int quantity) {
        UUID order = placedOrder(product, quantity, "CANCELLED", "PAYMENT_DECLINED", Duration.ofMinutes(1));
        reserve(order, product, quantity);
        release(order, product, quantity);
        payment(order, "FAILED", 1999L * quantity);
        saga(order, "PAYMENT_FAILED", "payment-service", "shopflow.payment.failed.v1");
        return order;
    }

    /** An order cancelled by its customer whose charge went through late and was refunded. */
    public UUID refundedOrder(UUID product, int quantity) {
        UUID order = placedOrder(product, quantity, "CANCELLED", "CUSTOMER_CANCELLED", Duration.ofMinutes(1));
        reserve(order, product, quantity);
        release(order, product, quantity);
        UUID payment = payment(order, "REFUNDED", 1999L * quantity);
        update(payments, "INSERT INTO refunds (id, payment_id, amount, currency, status) VALUES (?, ?, ?, 'EUR', 'SUCCEEDED')",
                UUID.randomUUID(), payment, 1999L * quantity);
        saga(order, "PAYMENT_REFUNDED", "payment-service", "shopflow.payment.refunded.v1");
        return order;
    }

    /** An order waiting for its payment, placed {@code age} ago: its stock held. */
    public UUID awaitingPayment(UUID product, int quantity, Duration age) {
        UUID order = placedOrder(product, quantity, "AWAITING_PAYMENT", null, age);
        reserve(order, product, quantity);
        return order;
    }

    /** Runs a statement on one of the databases (to break something on purpose). */
    public void update(String database, String sql, Object... parameters) {
        try (var statement = connection(database).prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** Closes the connections (the databases are dropped when the test JVM exits). */
    @Override
    public void close() throws SQLException {
        for (var connection : connections.values()) {
            connection.close();
        }
        connections.clear();
    }

    private java.sql.Connection connection(String database) throws SQLException {
        var connection = connections.get(database);
        if (connection == null) {
            connection = server.connect(database);
            connections.put(database, connection);
        }
        return connection;
    }

    private UUID placedOrder(UUID product, int quantity, String status, String reason, Duration age) {
        UUID order = UUID.randomUUID();
        OffsetDateTime placed = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS).minus(age);
        update(orders, """
                INSERT INTO orders (id, user_id, status, cancellation_reason, payment_method, total_amount, currency,
                                    created_at, updated_at)
                VALUES (?, ?, ?, ?, 'pm_card_visa', ?, 'EUR', ?, ?)""",
                order, UUID.randomUUID(), status, reason, 1999L * quantity, placed, placed);
        update(orders, """
                INSERT INTO order_items (order_id, line_no, product_id, name, unit_price_amount, quantity)
                VALUES (?, 1, ?, 'Headphones', 1999, ?)""", order, product, quantity);
        timeline(order, "ORDER_PLACED", "order-service");
        sent(orders, order, "shopflow.order.placed.v1");
        return order;
    }

    private void reserve(UUID order, UUID product, int quantity) {
        applied(catalog, "catalog.inventory", order, "shopflow.order.placed.v1");
        update(catalog, "INSERT INTO stock_reservations (order_id, product_id, quantity) VALUES (?, ?, ?)",
                order, product, quantity);
        update(catalog, "UPDATE stock SET reserved = reserved + ? WHERE product_id = ?", quantity, product);
        sent(catalog, order, "shopflow.inventory.stock-reserved.v1");
        saga(order, "STOCK_RESERVED", "catalog-service", "shopflow.inventory.stock-reserved.v1");
    }

    private void release(UUID order, UUID product, int quantity) {
        applied(catalog, "catalog.inventory", order, "shopflow.order.cancelled.v1");
        update(catalog, "UPDATE stock_reservations SET status = 'RELEASED' WHERE order_id = ?", order);
        update(catalog, "UPDATE stock SET reserved = reserved - ? WHERE product_id = ?", quantity, product);
    }

    private UUID payment(UUID order, String status, long amount) {
        UUID payment = UUID.randomUUID();
        applied(payments, "payment.orders", order, "shopflow.order.payment-requested.v1");
        update(payments, """
                INSERT INTO payments (id, order_id, user_id, status, amount, currency, provider, payment_method)
                VALUES (?, ?, ?, ?, ?, 'EUR', 'simulated', 'pm_card_visa')""",
                payment, order, UUID.randomUUID(), status, amount);
        sent(payments, order, "shopflow.payment." + status.toLowerCase() + ".v1");
        return payment;
    }

    /** An event applied by the saga: in its inbox once, and one step in the order's timeline. */
    private void saga(UUID order, String step, String actor, String type) {
        applied(orders, "order.saga", order, type);
        timeline(order, step, actor);
    }

    private void timeline(UUID order, String step, String actor) {
        update(orders, "INSERT INTO order_timeline (order_id, occurred_at, step, actor) VALUES (?, ?, ?, ?)",
                order, OffsetDateTime.now(ZoneOffset.UTC), step, actor);
    }

    private void applied(String database, String consumer, UUID order, String type) {
        update(database, "INSERT INTO inbox (consumer, event_id, event_type) VALUES (?, ?, ?)",
                consumer, eventId(order, type), type);
    }

    private void sent(String database, UUID order, String type) {
        update(database, """
                INSERT INTO outbox (event_id, topic, record_key, event_type, occurred_at, payload, created_at, sent_at)
                VALUES (?, 'orders.v1', ?, ?, now(), '{}', now() - interval '1 minute', now() - interval '1 minute')""",
                eventId(order, type), order.toString(), type);
    }

    /** The id of the order's event of this type: the same in the producer's outbox and the consumers' inboxes. */
    public static UUID eventId(UUID order, String type) {
        return UUID.nameUUIDFromBytes((order + " " + type).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** A fresh database migrated by the service's own Flyway migrations, from its compiled classes. */
    private String migrated(String service, String purpose) {
        Path classes = projectHome().resolve(service).resolve("target").resolve("classes");
        if (!Files.isDirectory(classes.resolve("db").resolve("migration"))) {
            throw new IllegalStateException("No compiled migrations in " + classes + ": build " + service
                    + " first (./mvnw -pl local-stack -am verify builds it)");
        }
        String database = TestPostgres.freshDatabase(purpose);
        try (var loader = new URLClassLoader(new java.net.URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            Flyway.configure(loader)
                    .dataSource(server.jdbcUrl(database), server.user(), server.password())
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return database;
    }

    /** The project root: the local-stack module's parent (tests run in the module's folder). */
    static Path projectHome() {
        String home = System.getProperty("shopflow.home");
        return home != null ? Path.of(home) : Path.of("").toAbsolutePath().getParent();
    }
}
