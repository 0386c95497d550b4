package dev.shopflow.order.cart.domain;

/** A change would break a cart's rules: a quantity outside 1..99, more than 50 lines, or a second currency. */
public class CartChangeRefused extends RuntimeException {

    private final String field;

    public CartChangeRefused(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The request field the refusal is about, such as {@code quantity}. */
    public String field() {
        return field;
    }
}
