package dev.shopflow.payment.provider;

/**
 * The provider did not give an answer about the payment: it could not be reached, failed (5xx), throttled us (429),
 * or refused our credentials. Only adapters raise it; {@link ResilientPaymentGateway} retries the retryable kind and
 * turns what is left into a {@code ProviderUnavailable} outcome.
 */
public class ProviderTrouble extends RuntimeException {

    private final boolean retryable;

    public ProviderTrouble(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    public ProviderTrouble(String message, boolean retryable) {
        this(message, retryable, null);
    }

    /** Whether trying again could help (a time-out, a 5xx, a 429); a refused API key, say, will not. */
    public boolean isRetryable() {
        return retryable;
    }
}
