package dev.shopflow.order.ordering;

/** The caller already has as many order streams open as one account may have at once. */
public class TooManyOrderStreams extends RuntimeException {

    private final int limit;

    public TooManyOrderStreams(int limit) {
        super("You have " + limit + " order streams open, the most one account may have at once: close one, or "
                + "try again when one has ended.");
        this.limit = limit;
    }

    /** How many streams one account may have open at once. */
    public int limit() {
        return limit;
    }
}
