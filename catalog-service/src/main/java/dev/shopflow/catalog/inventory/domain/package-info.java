/**
 * The rules of reserving, in plain Java: all lines or none, never more than is available, and only at prices catalog
 * published.
 */
package dev.shopflow.catalog.inventory.domain;
