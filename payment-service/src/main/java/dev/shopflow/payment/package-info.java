/** payment-service: payments, refunds and the Stripe integration. */
package dev.shopflow.payment;
