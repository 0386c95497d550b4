/**
 * Inventory: all stock, the only writer of the {@code stock} table. Administrators count it ({@link
 * dev.shopflow.catalog.inventory.Stock}); orders hold it ({@link dev.shopflow.catalog.inventory.Inventory}): an order
 * placed reserves every line at once or none of them; a confirmed order's reservation is committed (the goods leave
 * the shelf); a cancelled order's is released. Driven by the order events, answered with the inventory events,
 * through platform's inbox and outbox.
 */
package dev.shopflow.catalog.inventory;
