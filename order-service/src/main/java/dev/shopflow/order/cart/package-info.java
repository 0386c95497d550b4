/** Each user's cart: products with the name and price catalog gave when they were added, until checkout. */
package dev.shopflow.order.cart;
