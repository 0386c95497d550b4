/**
 * The {@code stock} and {@code stock_reservations} tables (their only writer), with the row locks that keep stock
 * from going negative.
 */
package dev.shopflow.catalog.inventory.persistence;
