package dev.shopflow.catalog.product.web;

/** A product id in a path that is not a UUID: no product can have it. */
class MalformedProductId extends RuntimeException {

    MalformedProductId() {
        super("A product id is a UUID such as 41f87984-10f1-36da-9b5e-a27f193baa9a.");
    }
}
