/**
 * The payment provider seam: the {@link dev.shopflow.payment.provider.PaymentGateway} port, its two adapters
 * ({@code stripe}, {@code simulated}) chosen by {@code shopflow.payments.provider}, and the retry, circuit breaker and
 * time limit around them.
 */
package dev.shopflow.payment.provider;
