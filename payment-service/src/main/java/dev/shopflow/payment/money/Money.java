package dev.shopflow.payment.money;

import java.util.regex.Pattern;

/**
 * An amount of money: minor units (cents) of an ISO 4217 currency. Never floating point.
 *
 * @param amount   minor units, zero or more
 * @param currency three upper-case letters, such as {@code EUR}
 */
public record Money(long amount, String currency) {

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    public Money {
        if (amount < 0) {
            throw new IllegalArgumentException("An amount of money is not negative: " + amount);
        }
        if (currency == null || !CURRENCY.matcher(currency).matches()) {
            throw new IllegalArgumentException("A currency is an ISO 4217 code such as EUR, not " + currency);
        }
    }
}
