package dev.shopflow.catalog.product;

/** No category has this slug. */
public class CategoryNotFound extends RuntimeException {

    public CategoryNotFound() {
        super("There is no such category.");
    }
}
