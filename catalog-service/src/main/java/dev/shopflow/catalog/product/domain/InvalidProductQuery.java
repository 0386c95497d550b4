package dev.shopflow.catalog.product.domain;

import java.util.List;

/** Query parameters of a product search that break the rules. */
public class InvalidProductQuery extends RulesBroken {

    public InvalidProductQuery(List<Violation> violations) {
        super("Invalid product query", violations);
    }
}
