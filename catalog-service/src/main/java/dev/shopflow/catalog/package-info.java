/** catalog-service: categories, products, prices, stock and stock reservations. */
package dev.shopflow.catalog;
