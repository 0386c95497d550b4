package dev.shopflow.tidyshop.cart.persistence;

/** A fixture of {@code ServiceArchitectureTest}: how the cart feature's table looks. */
record CartRow(String productId, int quantity) {
}
