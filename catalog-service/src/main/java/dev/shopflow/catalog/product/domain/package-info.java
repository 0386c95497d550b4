/**
 * What a product must be and how the catalog may be asked for products, in plain Java: SKU, name, price and
 * attribute rules, and the query parameters of a product search.
 */
package dev.shopflow.catalog.product.domain;
