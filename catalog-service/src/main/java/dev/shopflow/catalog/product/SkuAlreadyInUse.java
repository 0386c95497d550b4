package dev.shopflow.catalog.product;

/** Another product that is not deleted already has this SKU. */
public class SkuAlreadyInUse extends RuntimeException {

    public SkuAlreadyInUse(String sku) {
        super("Another product already has SKU " + sku + ".");
    }
}
