/** The {@code stripe} adapter: Stripe's own Java client, against Stripe test mode or stripe-mock. */
package dev.shopflow.payment.provider.stripe;
