package dev.shopflow.payment.webhook;

/**
 * What became of a webhook event.
 *
 * @param eventId the Stripe event id ({@code evt_…})
 * @param type    the Stripe event type, such as {@code payment_intent.succeeded}
 * @param outcome {@code RECONCILED}: the payment it is about is in line with it (changed or not);
 *                {@code DUPLICATE}: the event was received before; {@code IGNORED}: not a type this service handles,
 *                or about no payment of this service
 */
public record WebhookReceipt(String eventId, String type, Outcome outcome) {

    public enum Outcome {
        RECONCILED, DUPLICATE, IGNORED
    }
}
