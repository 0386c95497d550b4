package dev.shopflow.order.cart;

import java.util.UUID;

/**
 * A line of a cart, with the name and unit price catalog gave when it was added.
 *
 * @param unitPriceAmount minor units
 * @param currency        ISO 4217
 */
public record CartItem(UUID productId, String name, long unitPriceAmount, String currency, int quantity) {
}
