package dev.shopflow.localstack.audit;

/**
 * One offender against an invariant.
 *
 * @param subject what is wrong, named so it can be looked up: {@code order 6f0c…}, {@code product 41f8…},
 *                {@code catalog outbox row 17}, {@code orders.v1.dlt partition 0 offset 5}
 * @param problem what is wrong with it, in a sentence
 */
public record Violation(String subject, String problem) {

    @Override
    public String toString() {
        return subject + ": " + problem;
    }
}
