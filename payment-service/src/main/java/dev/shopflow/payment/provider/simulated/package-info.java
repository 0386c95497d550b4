/** The {@code simulated} adapter: Stripe test mode's answers to its documented test payment methods, offline. */
package dev.shopflow.payment.provider.simulated;
