package dev.shopflow.catalog.inventory.domain;

import java.util.Objects;

/** A unit price: an amount in minor units and its ISO 4217 currency. */
public record Price(long amount, String currency) {

    public Price {
        Objects.requireNonNull(currency, "currency");
    }
}
