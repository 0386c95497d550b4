/** The HTTP API of the cart. */
package dev.shopflow.order.cart.web;
