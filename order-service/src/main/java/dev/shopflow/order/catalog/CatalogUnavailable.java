package dev.shopflow.order.catalog;

/** Catalog-service did not answer in time, answered with an error, or its circuit breaker is open. */
public class CatalogUnavailable extends RuntimeException {

    public CatalogUnavailable(Throwable cause) {
        super("The catalog cannot be reached right now; try again shortly.", cause);
    }
}
