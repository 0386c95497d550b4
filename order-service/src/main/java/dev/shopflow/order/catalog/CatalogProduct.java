package dev.shopflow.order.catalog;

import java.util.UUID;

/**
 * A product as catalog-service describes it now.
 *
 * @param priceAmount minor units
 * @param currency    ISO 4217
 * @param available   units on the shelf and not held for an order (stock is reserved later, by the saga)
 */
public record CatalogProduct(UUID id, String name, long priceAmount, String currency, int available) {
}
