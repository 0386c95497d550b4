/** Money as payments count it: minor units and an ISO 4217 currency, never floating point. */
package dev.shopflow.payment.money;
