package dev.shopflow.catalog.inventory.domain;

import java.util.UUID;

/** A line that cannot be met: how many were asked for and how many are available (0 for an unknown product). */
public record Shortage(UUID productId, int requested, int available) {
}
