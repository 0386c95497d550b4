package dev.shopflow.auth.account.domain;

import java.util.Locale;

/**
 * An email address as accounts are keyed by it: trimmed and lower-cased, so that {@code Ann@Example.com } and
 * {@code ann@example.com} are one account.
 */
public record EmailAddress(String value) {

    public EmailAddress {
        value = normalise(value);
    }

    public static String normalise(String email) {
        return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }

    /** The part before the {@code @}. */
    public String localPart() {
        int at = value.indexOf('@');
        return at < 0 ? value : value.substring(0, at);
    }

    @Override
    public String toString() {
        return value;
    }
}
