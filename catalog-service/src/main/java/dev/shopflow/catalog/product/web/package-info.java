/**
 * HTTP API of the catalog: {@code /api/catalog/products} and {@code /api/catalog/categories}. Reads are public,
 * carry an ETag and may be cached briefly; changes are for administrators.
 */
package dev.shopflow.catalog.product.web;
