/** The {@code stripe_events} table: the webhook events already applied. */
package dev.shopflow.payment.webhook.persistence;
