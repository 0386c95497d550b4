package dev.shopflow.catalog.product;

import dev.shopflow.catalog.product.domain.RulesBroken;
import dev.shopflow.catalog.product.domain.Violation;
import java.util.List;

/** Product details that break the rules, or name a category that does not exist. */
public class InvalidProduct extends RulesBroken {

    public InvalidProduct(List<Violation> violations) {
        super("Invalid product", violations);
    }
}
