package dev.shopflow.order.ordering.domain;

/** The lines of an order to place break a rule: none, too many, a product twice, or mixed currencies. */
public class InvalidOrder extends RuntimeException {

    private final String field;

    public InvalidOrder(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The request field the problem is about, such as {@code items}. */
    public String field() {
        return field;
    }
}
