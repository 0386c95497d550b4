package dev.shopflow.order.ordering;

import java.util.List;

/** Items of a "buy now" checkout name products catalog does not have. */
public class UnknownProducts extends RuntimeException {

    private final List<Integer> itemIndexes;

    /** @param itemIndexes the positions (from 0) of the items whose product is unknown */
    public UnknownProducts(List<Integer> itemIndexes) {
        super("Unknown products at items " + itemIndexes);
        this.itemIndexes = List.copyOf(itemIndexes);
    }

    public List<Integer> itemIndexes() {
        return itemIndexes;
    }
}
