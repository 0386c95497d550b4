package dev.shopflow.order.catalog;

import dev.shopflow.order.money.Money;
import java.util.UUID;

/**
 * A product as catalog-service describes it now.
 *
 * @param available units on the shelf and not held for an order (stock is reserved later, by the saga)
 */
public record CatalogProduct(UUID id, String name, Money price, int available) {
}
