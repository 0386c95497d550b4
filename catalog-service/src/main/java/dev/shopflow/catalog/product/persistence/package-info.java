/** The catalog's tables in plain SQL: {@code products}, {@code categories} and the on-hand side of {@code stock}. */
package dev.shopflow.catalog.product.persistence;
