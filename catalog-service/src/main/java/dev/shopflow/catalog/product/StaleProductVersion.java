package dev.shopflow.catalog.product;

import java.util.UUID;

/** An update based on a version of the product that is no longer current: someone else changed it meanwhile. */
public class StaleProductVersion extends RuntimeException {

    private final long currentVersion;

    public StaleProductVersion(UUID id, long basedOn, long currentVersion) {
        super("Product " + id + " has changed since version " + basedOn + " (it is at version " + currentVersion
                + " now). Read it again and make your change to the current version.");
        this.currentVersion = currentVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
