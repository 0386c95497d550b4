/**
 * Shopflow's event contracts as a library for tests: {@link dev.shopflow.contracts.EventContracts} validates an
 * event's JSON against its schema (producers) and hands out each type's example (consumers).
 */
package dev.shopflow.contracts;
