package dev.shopflow.catalog.product;

/** A category with this slug exists already. */
public class CategoryAlreadyExists extends RuntimeException {

    public CategoryAlreadyExists(String slug) {
        super("A category with slug " + slug + " exists already.");
    }
}
