package dev.shopflow.catalog.inventory.domain;

/**
 * How much of a product there is: {@code onHand} in the warehouse, of which {@code reserved} is held for orders
 * not yet confirmed or cancelled. What customers can still buy is the difference.
 */
public record StockLevel(int onHand, int reserved) {

    /** The most an administrator may set on hand to: a billion, comfortably inside the database's integer column. */
    public static final int MAX_ON_HAND = 1_000_000_000;

    public StockLevel {
        if (onHand < 0 || reserved < 0 || reserved > onHand) {
            throw new IllegalArgumentException("Impossible stock: " + onHand + " on hand, " + reserved + " reserved");
        }
    }

    /** What can still be ordered: on hand minus reserved, never negative. */
    public int available() {
        return onHand - reserved;
    }

    /**
     * This stock after a count of the warehouse found {@code quantity} on hand.
     *
     * @throws StockBelowReserved when {@code quantity} is less than what orders hold: those units are promised
     * @throws IllegalArgumentException when {@code quantity} is negative or above {@link #MAX_ON_HAND}
     */
    public StockLevel withOnHand(int quantity) {
        if (quantity < 0 || quantity > MAX_ON_HAND) {
            throw new IllegalArgumentException("On hand must be from 0 to " + MAX_ON_HAND + ", not " + quantity);
        }
        if (quantity < reserved) {
            throw new StockBelowReserved(quantity, reserved);
        }
        return new StockLevel(quantity, reserved);
    }
}
