/**
 * Inventory: the stock an order holds. An order placed reserves every line at once or none of them; a confirmed
 * order's reservation is committed (the goods leave the shelf); a cancelled order's is released. Driven by the
 * order events, answered with the inventory events, through platform's inbox and outbox.
 */
package dev.shopflow.catalog.inventory;
