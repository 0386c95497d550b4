/**
 * What a product must be and how the catalog may be asked for products, in plain Java: SKU, name, price and
 * attribute rules, the query parameters of a product search, and the stock rule that on hand never drops below
 * what orders hold.
 */
package dev.shopflow.catalog.product.domain;
