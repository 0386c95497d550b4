package dev.shopflow.localstack.audit;

import java.util.List;

/** One rule the stores of a consistent stack obey; docs/consistency-audit.md says why each must hold. */
interface Invariant {

    /** A short, stable name, such as {@code confirmed-iff-paid-once}. */
    String name();

    /** The rule in a sentence. */
    String rule();

    /**
     * Every offender against the rule, read through {@code check}; empty when it holds.
     *
     * @throws Exception when a store cannot be read: the invariant is then reported as not checked
     */
    List<Violation> check(AuditCheck check) throws Exception;
}
