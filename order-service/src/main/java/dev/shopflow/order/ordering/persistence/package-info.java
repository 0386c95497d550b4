/** The orders database as the ordering feature uses it: orders and their lines, the timeline, idempotency keys. */
package dev.shopflow.order.ordering.persistence;
