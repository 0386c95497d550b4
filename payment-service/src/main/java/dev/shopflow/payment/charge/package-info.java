/**
 * Charging an order's customer when the order asks for it, refunding the charge when the order is cancelled, and
 * keeping each payment in step with what the provider reports. The application services are
 * {@link dev.shopflow.payment.charge.Payments} (charging, refunding, reading) and
 * {@link dev.shopflow.payment.charge.ProviderReports} (following the provider's own reports, for the webhooks).
 */
package dev.shopflow.payment.charge;
