/** order-service: carts, orders, idempotency keys and the order saga. */
package dev.shopflow.order;
