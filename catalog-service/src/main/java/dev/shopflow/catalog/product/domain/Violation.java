package dev.shopflow.catalog.product.domain;

/**
 * One rule that submitted input breaks.
 *
 * @param field where, as the JSON path of the input ({@code price.amount}, {@code attributes.color})
 * @param message why, in words a client can show next to the field
 */
public record Violation(String field, String message) {
}
