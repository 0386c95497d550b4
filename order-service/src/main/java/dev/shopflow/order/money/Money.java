package dev.shopflow.order.money;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An amount of money in minor units (cents) and its ISO 4217 currency. Never floating point.
 *
 * @param amount   minor units, never negative
 * @param currency three upper-case letters, such as {@code EUR}
 */
public record Money(long amount, String currency) {

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    public Money {
        Objects.requireNonNull(currency, "currency");
        if (amount < 0) {
            throw new IllegalArgumentException("An amount of money is not negative: " + amount);
        }
        if (!CURRENCY.matcher(currency).matches()) {
            throw new IllegalArgumentException("Not an ISO 4217 currency code: " + currency);
        }
    }

    /** This amount {@code times} times, in the same currency. */
    public Money times(int times) {
        return new Money(Math.multiplyExact(amount, times), currency);
    }

    /** The sum of both amounts; both must be in the same currency. */
    public Money plus(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("Cannot add " + other.currency + " to " + currency);
        }
        return new Money(Math.addExact(amount, other.amount), currency);
    }
}
