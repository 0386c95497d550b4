package dev.shopflow.catalog.inventory.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The price rule, a defence in depth behind order-service's checkout: catalog reserves stock only for an order whose
 * every unit price is one catalog published — the product's current price, or one replaced within the grace period.
 * An order carrying any other price (an old cart price, a client's own figure) would charge what the shop does not
 * ask.
 */
public final class PriceCheck {

    private PriceCheck() {
    }

    /**
     * @param ordered   the unit price of each of the order's lines
     * @param published what catalog honours for each product; a product missing here is not judged (the stock rule
     *                  refuses a product catalog does not have)
     * @return each line at a price catalog did not publish, in the order's order; empty when every price is honoured
     */
    public static List<Mispriced> mispriced(List<OrderedPrice> ordered, Map<UUID, PublishedPrices> published) {
        var mispriced = new ArrayList<Mispriced>();
        for (OrderedPrice line : ordered) {
            PublishedPrices prices = published.get(line.productId());
            if (prices != null && !prices.honour(line.unitPrice())) {
                mispriced.add(new Mispriced(line.productId(), line.unitPrice(), prices.current()));
            }
        }
        return List.copyOf(mispriced);
    }
}
