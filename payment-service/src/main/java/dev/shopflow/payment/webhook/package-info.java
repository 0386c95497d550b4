/**
 * Stripe webhooks: signature checked with the endpoint's secret, each event applied once, and the payment it is about
 * brought in line with what Stripe reports ({@link dev.shopflow.payment.webhook.StripeWebhooks}).
 */
package dev.shopflow.payment.webhook;
