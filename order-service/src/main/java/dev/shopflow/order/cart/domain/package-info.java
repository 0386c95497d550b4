/** A cart's rules as plain Java: quantities, the number of lines, one currency. */
package dev.shopflow.order.cart.domain;
