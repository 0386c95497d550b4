package dev.shopflow.catalog.inventory.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The reservation rule: an order gets all its lines or none of them, and no product is ever promised beyond what
 * is available (on hand minus already reserved). Lines for the same product count together.
 */
public final class Reservations {

    private Reservations() {
    }

    /**
     * @param requested the order's lines
     * @param available what is available of each product now; a product missing here is unknown (or withdrawn)
     * @return {@code Reserve} with one line per product, in product-id order (the order rows are locked in), or
     *         {@code Reject} naming every line that cannot be met
     */
    public static ReservationDecision decide(List<OrderLine> requested, Map<UUID, Integer> available) {
        if (requested.isEmpty()) {
            throw new IllegalArgumentException("An order without lines reserves nothing");
        }
        Map<UUID, Integer> perProduct = new LinkedHashMap<>();
        requested.forEach(line -> perProduct.merge(line.productId(), line.quantity(), Integer::sum));
        List<Shortage> shortages = new ArrayList<>();
        List<OrderLine> lines = new ArrayList<>();
        perProduct.forEach((product, quantity) -> {
            int onShelf = Math.max(0, available.getOrDefault(product, 0));
            if (quantity > onShelf) {
                shortages.add(new Shortage(product, quantity, onShelf));
            }
            lines.add(new OrderLine(product, quantity));
        });
        if (!shortages.isEmpty()) {
            return new ReservationDecision.Reject(shortages);
        }
        lines.sort(Comparator.comparing(OrderLine::productId));
        return new ReservationDecision.Reserve(lines);
    }
}
