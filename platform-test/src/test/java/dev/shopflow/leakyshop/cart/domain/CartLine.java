package dev.shopflow.leakyshop.cart.domain;

/** A fixture of {@code ServiceArchitectureTest}: a domain value of the cart feature. */
public record CartLine(String productId, int quantity) {
}
