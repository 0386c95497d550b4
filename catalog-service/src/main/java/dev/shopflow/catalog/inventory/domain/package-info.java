/** The reservation rule in plain Java: all lines or none, never more than is available. */
package dev.shopflow.catalog.inventory.domain;
