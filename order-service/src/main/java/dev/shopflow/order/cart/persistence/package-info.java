/** {@code carts} and {@code cart_items}. */
package dev.shopflow.order.cart.persistence;
