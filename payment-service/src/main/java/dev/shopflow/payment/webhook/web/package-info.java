/** {@code POST /webhooks/stripe}: public, proven by its {@code Stripe-Signature}. */
package dev.shopflow.payment.webhook.web;
