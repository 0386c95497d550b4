package dev.shopflow.order.ordering;

/** An {@code Idempotency-Key} the user already used for a checkout came back with a different request. */
public class IdempotencyKeyReused extends RuntimeException {

    public IdempotencyKeyReused(String key) {
        super("The Idempotency-Key '" + key + "' was used for a different checkout request; use a new key.");
    }
}
