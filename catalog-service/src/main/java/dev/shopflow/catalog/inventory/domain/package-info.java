/**
 * The rules of stock, in plain Java: on hand never drops below what orders hold; reservations take all lines or none,
 * never more than is available, and only at prices catalog published.
 */
package dev.shopflow.catalog.inventory.domain;
