package dev.shopflow.localstack.audit;

import dev.shopflow.localstack.audit.AuditCheck.OrderRow;
import dev.shopflow.localstack.audit.Stores.Store;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;

/**
 * Catalog holds stock only for open orders: a CONFIRMED order's reservation is committed, a CANCELLED order's is
 * released, and an order order-service does not know holds nothing.
 */
final class NoStockHeldForFinalOrders implements Invariant {

    private record Held(UUID orderId, UUID productId, int quantity) {
    }

    @Override
    public String name() {
        return "no-stock-held-for-final-orders";
    }

    @Override
    public String rule() {
        return "nothing is reserved for a CONFIRMED or CANCELLED order (or an unknown one)";
    }

    @Override
    public List<Violation> check(AuditCheck check) throws Exception {
        var heldByOrder = new LinkedHashMap<UUID, List<Held>>();
        check.stores().list(Store.CATALOG, """
                        SELECT order_id, product_id, quantity FROM stock_reservations
                        WHERE status = 'RESERVED' ORDER BY order_id, product_id""",
                row -> new Held(row.getObject("order_id", UUID.class), row.getObject("product_id", UUID.class),
                        row.getInt("quantity")))
                .forEach(held -> heldByOrder.computeIfAbsent(held.orderId(), id -> new ArrayList<>()).add(held));
        var orders = check.orders();
        var violations = new ArrayList<Violation>();
        heldByOrder.forEach((orderId, lines) -> {
            String holding = String.join(", ", lines.stream().map(line -> line.quantity() + " × " + line.productId()).toList());
            OrderRow order = orders.get(orderId);
            if (order == null) {
                violations.add(new Violation("order " + orderId, "catalog holds " + holding
                        + " for it, but order-service has no such order"));
            } else if (order.isFinal()) {
                violations.add(new Violation("order " + orderId, order.describe() + " but catalog still holds " + holding));
            }
        });
        return violations;
    }
}
