package dev.shopflow.catalog.inventory.domain;

/** Setting on hand below what open orders have reserved, which would take units from customers already promised them. */
public class StockBelowReserved extends RuntimeException {

    private final int requested;
    private final int reserved;

    public StockBelowReserved(int requested, int reserved) {
        super(reserved + " units are reserved by orders not yet confirmed or cancelled, so on hand cannot be set to "
                + requested + "; set it to " + reserved + " or more.");
        this.requested = requested;
        this.reserved = reserved;
    }

    public int requested() {
        return requested;
    }

    public int reserved() {
        return reserved;
    }
}
