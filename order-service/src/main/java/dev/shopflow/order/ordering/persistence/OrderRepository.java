package dev.shopflow.order.ordering.persistence;

import dev.shopflow.order.money.Money;
import dev.shopflow.order.ordering.domain.Order;
import dev.shopflow.order.ordering.domain.OrderLine;
import dev.shopflow.order.ordering.domain.OrderStatus;
import dev.shopflow.order.ordering.events.CancellationReason;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Orders and their lines, mapped explicitly between rows and the domain {@link Order}. Methods that change an
 * order, and {@link #lock}, belong in a transaction; the lock ({@code FOR UPDATE}) makes the saga's listeners, the
 * customer's cancel and the time-out sweep take their turns on one order instead of overwriting each other.
 */
@Repository
public class OrderRepository {

    private static final String COLUMNS = """
            id, user_id, status, cancellation_reason, payment_method, payment_id, total_amount, currency, created_at,
            updated_at""";

    private final DatabaseClient database;

    public OrderRepository(DatabaseClient database) {
        this.database = database;
    }

    /** Stores a newly placed order with its lines. */
    public Mono<Void> insert(Order order) {
        Mono<Void> header = database.sql("""
                        INSERT INTO orders (id, user_id, status, cancellation_reason, payment_method, total_amount,
                                            currency, created_at, updated_at)
                        VALUES (:id, :userId, :status, NULL, :paymentMethod, :total, :currency, :createdAt, :updatedAt)""")
                .bind("id", order.id())
                .bind("userId", order.userId())
                .bind("status", order.status().name())
                .bind("paymentMethod", order.paymentMethod())
                .bind("total", order.total().amount())
                .bind("currency", order.total().currency())
                .bind("createdAt", order.createdAt())
                .bind("updatedAt", order.updatedAt())
                .then();
        List<OrderLine> lines = order.lines();
        return header.thenMany(Flux.range(0, lines.size()).concatMap(index -> database.sql("""
                                INSERT INTO order_items (order_id, line_no, product_id, name, unit_price_amount, quantity)
                                VALUES (:orderId, :lineNo, :productId, :name, :unitPrice, :quantity)""")
                        .bind("orderId", order.id())
                        .bind("lineNo", index + 1)
                        .bind("productId", lines.get(index).productId())
                        .bind("name", lines.get(index).name())
                        .bind("unitPrice", lines.get(index).unitPrice().amount())
                        .bind("quantity", lines.get(index).quantity())
                        .then()))
                .then();
    }

    /** Stores the order's new state (its lines never change). */
    public Mono<Void> update(Order order) {
        var spec = database.sql("""
                        UPDATE orders SET status = :status, cancellation_reason = :reason, payment_id = :paymentId,
                                          updated_at = :updatedAt, version = version + 1
                        WHERE id = :id""")
                .bind("id", order.id())
                .bind("status", order.status().name())
                .bind("updatedAt", order.updatedAt());
        spec = order.cancellationReason().isPresent()
                ? spec.bind("reason", order.cancellationReason().get().name())
                : spec.bindNull("reason", String.class);
        spec = order.paymentId().isPresent()
                ? spec.bind("paymentId", order.paymentId().get())
                : spec.bindNull("paymentId", UUID.class);
        return spec.then();
    }

    /** The order, or empty. */
    public Mono<Order> find(UUID id) {
        return one("SELECT " + COLUMNS + " FROM orders WHERE id = :id", id);
    }

    /** The order, locked until the transaction ends; empty when there is none. */
    public Mono<Order> lock(UUID id) {
        return one("SELECT " + COLUMNS + " FROM orders WHERE id = :id FOR UPDATE", id);
    }

    /**
     * Open orders placed before {@code cutoff}, oldest first, locked; orders another transaction holds are skipped, so
     * that several instances sweeping at once share the work instead of waiting for each other.
     */
    public Flux<Order> lockOverdue(Instant cutoff, int limit) {
        return withLines(database.sql("SELECT " + COLUMNS + """
                         FROM orders WHERE status IN ('PENDING', 'AWAITING_PAYMENT') AND created_at <= :cutoff
                        ORDER BY created_at LIMIT :limit FOR UPDATE SKIP LOCKED""")
                .bind("cutoff", cutoff)
                .bind("limit", limit)
                .map(OrderRepository::orderRow)
                .all());
    }

    /** One page of the user's orders, newest first. */
    public Flux<Order> findByUser(UUID userId, int page, int size) {
        return withLines(database.sql("SELECT " + COLUMNS + """
                         FROM orders WHERE user_id = :userId
                        ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset""")
                .bind("userId", userId)
                .bind("limit", size)
                .bind("offset", (long) page * size)
                .map(OrderRepository::orderRow)
                .all());
    }

    /** How many orders are open (PENDING, AWAITING_PAYMENT), by status; a status with none is left out. */
    public Mono<java.util.Map<String, Long>> countOpenByStatus() {
        return database.sql("""
                        SELECT status, count(*) AS n FROM orders WHERE status IN ('PENDING', 'AWAITING_PAYMENT')
                        GROUP BY status""")
                .map(row -> java.util.Map.entry(row.get("status", String.class), row.get("n", Long.class)))
                .all()
                .collectMap(java.util.Map.Entry::getKey, java.util.Map.Entry::getValue);
    }

    /** How many orders the user has placed. */
    public Mono<Long> countByUser(UUID userId) {
        return database.sql("SELECT count(*) AS n FROM orders WHERE user_id = :userId")
                .bind("userId", userId)
                .map(row -> row.get("n", Long.class))
                .one();
    }

    private Mono<Order> one(String sql, UUID id) {
        return withLines(database.sql(sql).bind("id", id).map(OrderRepository::orderRow).all()).next();
    }

    /** Loads the lines of all the orders in one query and assembles each order, keeping the orders' sequence. */
    private Flux<Order> withLines(Flux<OrderRow> rows) {
        return rows.collectList().flatMapMany(orders -> orders.isEmpty() ? Flux.empty()
                : lines(orders.stream().map(OrderRow::id).toList())
                        .flatMapMany(lines -> Flux.fromIterable(orders)
                                .map(row -> toOrder(row, lines.getOrDefault(row.id(), List.of())))));
    }

    private Mono<Map<UUID, List<OrderItemRow>>> lines(Collection<UUID> orderIds) {
        return database.sql("""
                        SELECT order_id, line_no, product_id, name, unit_price_amount, quantity FROM order_items
                        WHERE order_id = ANY(:ids) ORDER BY order_id, line_no""")
                .bind("ids", orderIds.toArray(UUID[]::new))
                .map(row -> new OrderItemRow(row.get("order_id", UUID.class), row.get("line_no", Integer.class),
                        row.get("product_id", UUID.class), row.get("name", String.class),
                        row.get("unit_price_amount", Long.class), row.get("quantity", Integer.class)))
                .all()
                .collect(Collectors.groupingBy(OrderItemRow::orderId));
    }

    private static OrderRow orderRow(Readable row) {
        return new OrderRow(row.get("id", UUID.class), row.get("user_id", UUID.class), row.get("status", String.class),
                row.get("cancellation_reason", String.class), row.get("payment_method", String.class),
                row.get("payment_id", UUID.class), row.get("total_amount", Long.class),
                row.get("currency", String.class), row.get("created_at", Instant.class),
                row.get("updated_at", Instant.class));
    }

    private static Order toOrder(OrderRow row, List<OrderItemRow> items) {
        List<OrderLine> lines = items.stream()
                .map(item -> new OrderLine(item.productId(), item.name(),
                        new Money(item.unitPriceAmount(), row.currency()), item.quantity()))
                .toList();
        return Order.restore(row.id(), row.userId(), lines, row.paymentMethod(), row.createdAt(),
                OrderStatus.valueOf(row.status()),
                row.cancellationReason() == null ? null : CancellationReason.valueOf(row.cancellationReason()),
                row.paymentId(), row.updatedAt());
    }
}
