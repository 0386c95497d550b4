package dev.shopflow.localstack.audit;

import java.util.List;

/**
 * The outcome of one invariant in one audit.
 *
 * @param invariant  its name, such as {@code confirmed-iff-paid-once} (docs/consistency-audit.md explains each)
 * @param rule       the rule in a sentence
 * @param outcome    whether it holds
 * @param violations every offender (empty unless {@link Outcome#VIOLATED})
 * @param unchecked  why it could not be checked (a database or Kafka did not answer), or {@code null}
 */
public record InvariantResult(String invariant, String rule, Outcome outcome, List<Violation> violations,
        String unchecked) {

    /** Whether an invariant holds. */
    public enum Outcome {
        OK, VIOLATED, NOT_CHECKED
    }

    public InvariantResult {
        violations = List.copyOf(violations);
    }

    static InvariantResult of(String invariant, String rule, List<Violation> violations) {
        return new InvariantResult(invariant, rule, violations.isEmpty() ? Outcome.OK : Outcome.VIOLATED, violations,
                null);
    }

    static InvariantResult notChecked(String invariant, String rule, String reason) {
        return new InvariantResult(invariant, rule, Outcome.NOT_CHECKED, List.of(), reason);
    }
}
