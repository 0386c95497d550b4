/**
 * Charging an order's customer when the order asks for it, refunding the charge when the order is cancelled, and
 * keeping each payment in step with what the provider reports. {@link dev.shopflow.payment.charge.Payments} is the
 * application service.
 */
package dev.shopflow.payment.charge;
