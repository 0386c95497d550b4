/** Failing services: circuit breakers and time limits per route, retries of idempotent reads, and the problems the gateway answers in their place. */
package dev.shopflow.gateway.resilience;
