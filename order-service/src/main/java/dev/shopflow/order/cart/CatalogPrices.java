package dev.shopflow.order.cart;

import dev.shopflow.order.money.Money;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Catalog's current unit prices of the products in a cart, looked up before a checkout's transaction.
 *
 * @param lookedUp every product catalog was asked about, including those it no longer has
 * @param prices the unit price of each product catalog has; a product it does not have is absent
 */
public record CatalogPrices(Set<UUID> lookedUp, Map<UUID, Money> prices) {

    public CatalogPrices {
        lookedUp = Set.copyOf(lookedUp);
        prices = Map.copyOf(prices);
    }
}
