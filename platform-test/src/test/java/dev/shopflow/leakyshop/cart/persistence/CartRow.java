package dev.shopflow.leakyshop.cart.persistence;

/** A fixture of {@code ServiceArchitectureTest}: how the cart feature's table looks. */
public record CartRow(String productId, int quantity) {
}
