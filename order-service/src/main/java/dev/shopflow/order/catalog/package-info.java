/**
 * The catalog as order-service sees it: a product's name, price and availability, looked up over HTTP from
 * catalog-service, guarded by a time limiter, retries and a circuit breaker.
 */
package dev.shopflow.order.catalog;
