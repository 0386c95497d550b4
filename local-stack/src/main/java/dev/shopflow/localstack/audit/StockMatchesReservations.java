package dev.shopflow.localstack.audit;

import dev.shopflow.localstack.audit.Stores.Store;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Stock adds up, per product, against catalog's own reservation records: what {@code stock.reserved} says is held
 * is what the open reservations hold, and what left the shelf for orders (committed reservations) is exactly what
 * the CONFIRMED orders took. On-hand counts themselves are not compared with the demo stock: an administrator may
 * set them at any time and catalog keeps no record of it (docs/consistency-audit.md).
 */
final class StockMatchesReservations implements Invariant {

    @Override
    public String name() {
        return "stock-matches-reservations";
    }

    @Override
    public String rule() {
        return "per product: reserved = what open reservations hold; committed = what CONFIRMED orders took";
    }

    @Override
    public List<Violation> check(AuditCheck check) throws Exception {
        var violations = new ArrayList<Violation>(check.stores().list(Store.CATALOG, """
                        SELECT s.product_id, s.reserved, coalesce(h.held, 0) AS held
                        FROM stock s
                        LEFT JOIN (SELECT product_id, sum(quantity) AS held FROM stock_reservations
                                   WHERE status = 'RESERVED' GROUP BY product_id) h ON h.product_id = s.product_id
                        WHERE s.reserved <> coalesce(h.held, 0)
                        ORDER BY s.product_id""",
                row -> new Violation("product " + row.getObject("product_id"), "stock says " + row.getLong("reserved")
                        + " reserved but its open reservations hold " + row.getLong("held"))));

        Map<UUID, Long> committed = quantities(check.stores().list(Store.CATALOG, """
                        SELECT product_id, sum(quantity) AS quantity FROM stock_reservations
                        WHERE status = 'COMMITTED' GROUP BY product_id""",
                row -> Map.entry(row.getObject("product_id", UUID.class), row.getLong("quantity"))));
        Map<UUID, Long> taken = quantities(check.stores().list(Store.ORDERS, """
                        SELECT i.product_id, sum(i.quantity) AS quantity
                        FROM order_items i JOIN orders o ON o.id = i.order_id
                        WHERE o.status = 'CONFIRMED' GROUP BY i.product_id""",
                row -> Map.entry(row.getObject("product_id", UUID.class), row.getLong("quantity"))));
        for (UUID product : new TreeSet<>(union(committed, taken))) {
            long fromShelf = committed.getOrDefault(product, 0L);
            long confirmed = taken.getOrDefault(product, 0L);
            if (fromShelf != confirmed) {
                violations.add(new Violation("product " + product, "CONFIRMED orders took " + confirmed
                        + " but catalog committed " + fromShelf + " from the shelf"));
            }
        }
        return violations;
    }

    private static Map<UUID, Long> quantities(List<Map.Entry<UUID, Long>> rows) {
        var byProduct = new TreeMap<UUID, Long>();
        rows.forEach(row -> byProduct.put(row.getKey(), row.getValue()));
        return byProduct;
    }

    private static Set<UUID> union(Map<UUID, Long> one, Map<UUID, Long> other) {
        var all = new HashSet<>(one.keySet());
        all.addAll(other.keySet());
        return all;
    }
}
