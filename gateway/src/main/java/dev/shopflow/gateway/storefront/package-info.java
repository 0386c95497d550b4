/** The storefront: a static single-page shop served at {@code /}, its files versioned by content and its Content-Security-Policy. */
package dev.shopflow.gateway.storefront;
