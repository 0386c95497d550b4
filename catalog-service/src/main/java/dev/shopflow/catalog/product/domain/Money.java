package dev.shopflow.catalog.product.domain;

import java.util.Objects;

/**
 * An amount of money in minor units of an ISO 4217 currency: {@code new Money(1999, "EUR")} is €19.99. Never
 * floating point.
 */
public record Money(long amount, String currency) {

    public Money {
        Objects.requireNonNull(currency, "currency");
    }
}
