package dev.shopflow.payment.webhook;

/** No webhook signing secret is configured, so no webhook can be trusted. */
public class StripeWebhooksNotConfigured extends RuntimeException {

    public StripeWebhooksNotConfigured() {
        super("Stripe webhooks are not configured here: set STRIPE_WEBHOOK_SECRET to the endpoint's signing secret.");
    }
}
