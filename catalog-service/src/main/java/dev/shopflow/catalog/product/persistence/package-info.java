/**
 * The catalog's tables in plain SQL: {@code products} and {@code categories}, read with what is available from
 * {@code stock} (inventory writes it). Rows stay in this package; repositories answer with the catalog's models.
 */
package dev.shopflow.catalog.product.persistence;
