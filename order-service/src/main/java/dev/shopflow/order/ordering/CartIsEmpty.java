package dev.shopflow.order.ordering;

/** A checkout of the cart found nothing in it. */
public class CartIsEmpty extends RuntimeException {

    public CartIsEmpty() {
        super("The cart is empty: add products to it, or name the items to buy.");
    }
}
