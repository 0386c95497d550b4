package dev.shopflow.catalog.product.domain;

import java.util.List;

/** Input that breaks rules; {@link #violations()} names each field and why, so that all can be fixed at once. */
public abstract class RulesBroken extends RuntimeException {

    private final List<Violation> violations;

    protected RulesBroken(String what, List<Violation> violations) {
        super(what + ": " + violations);
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
