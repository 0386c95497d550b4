/**
 * Inventory's events, in and out: {@link dev.shopflow.catalog.inventory.events.OrderEvent} as inventory reads it
 * from {@code orders.v1}, {@link dev.shopflow.catalog.inventory.events.InventoryEvent} as it publishes it on
 * {@code inventory.v1}. Plain records of values, shaped by {@code contracts/events/}.
 */
package dev.shopflow.catalog.inventory.events;
