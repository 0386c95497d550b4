package dev.shopflow.order.cart.domain;

import dev.shopflow.order.money.Money;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A user's cart: at most {@value #MAX_LINES} lines, each product once with a quantity of 1 to
 * {@value #MAX_QUANTITY}, all priced in one currency.
 */
public final class Cart {

    public static final int MAX_LINES = 50;
    public static final int MAX_QUANTITY = 99;

    private final UUID userId;
    private final Map<UUID, CartLine> lines = new LinkedHashMap<>();

    private Cart(UUID userId, List<CartLine> lines) {
        this.userId = Objects.requireNonNull(userId, "userId");
        lines.forEach(line -> this.lines.put(line.productId(), line));
    }

    /** The cart with these lines (none for a new cart), oldest first. */
    public static Cart of(UUID userId, List<CartLine> lines) {
        return new Cart(userId, lines);
    }

    /**
     * Puts {@code quantity} more of the product in the cart, at the name and price catalog gives now.
     *
     * @throws CartChangeRefused when the quantity is outside 1..99 (also in total with what the cart held), the cart
     *                           has {@value #MAX_LINES} lines already, or the price is in another currency than the
     *                           cart's
     */
    public void add(UUID productId, String name, Money unitPrice, int quantity, Instant now) {
        requireQuantity(quantity);
        CartLine held = lines.get(productId);
        if (held == null && lines.size() >= MAX_LINES) {
            throw new CartChangeRefused("productId", "A cart holds at most " + MAX_LINES + " different products.");
        }
        lines.values().stream().findFirst()
                .filter(line -> !line.unitPrice().currency().equals(unitPrice.currency()))
                .ifPresent(line -> {
                    throw new CartChangeRefused("productId", "The cart is priced in " + line.unitPrice().currency()
                            + "; this product is priced in " + unitPrice.currency() + ".");
                });
        int total = held == null ? quantity : held.quantity() + quantity;
        if (total > MAX_QUANTITY) {
            throw new CartChangeRefused("quantity", "A cart holds at most " + MAX_QUANTITY + " of a product; it has "
                    + held.quantity() + " already.");
        }
        lines.put(productId, new CartLine(productId, name, unitPrice, total, held == null ? now : held.addedAt()));
    }

    /**
     * Sets how many of a product the cart holds.
     *
     * @throws ProductNotInCart  when it holds none
     * @throws CartChangeRefused when the quantity is outside 1..99
     */
    public void changeQuantity(UUID productId, int quantity) {
        requireQuantity(quantity);
        CartLine held = lines.get(productId);
        if (held == null) {
            throw new ProductNotInCart(productId);
        }
        lines.put(productId, new CartLine(productId, held.name(), held.unitPrice(), quantity, held.addedAt()));
    }

    /**
     * Moves each line to catalog's current unit price, keeping its quantity and place in the cart. A line whose
     * product has no price in {@code currentPrices} (catalog does not have it) keeps the price it has.
     *
     * @param currentPrices catalog's unit price of each product now
     * @return the lines whose price changed, oldest first; empty when every line was at catalog's price
     */
    public List<PriceChange> reprice(Map<UUID, Money> currentPrices) {
        var changes = new ArrayList<PriceChange>();
        lines.replaceAll((productId, line) -> {
            Money current = currentPrices.get(productId);
            if (current == null || current.equals(line.unitPrice())) {
                return line;
            }
            changes.add(new PriceChange(productId, line.unitPrice(), current));
            return new CartLine(productId, line.name(), current, line.quantity(), line.addedAt());
        });
        return List.copyOf(changes);
    }

    /** Takes the product out of the cart; a product it does not hold changes nothing. */
    public void remove(UUID productId) {
        lines.remove(productId);
    }

    /** The lines, oldest first. */
    public List<CartLine> lines() {
        return List.copyOf(new ArrayList<>(lines.values()));
    }

    /** The sum of the lines; zero in {@code emptyCurrency} when the cart is empty. */
    public Money total(String emptyCurrency) {
        return lines.values().stream().map(CartLine::lineTotal).reduce(Money::plus)
                .orElseGet(() -> new Money(0, emptyCurrency));
    }

    public UUID userId() {
        return userId;
    }

    private static void requireQuantity(int quantity) {
        if (quantity < 1 || quantity > MAX_QUANTITY) {
            throw new CartChangeRefused("quantity", "The quantity is 1 to " + MAX_QUANTITY + ".");
        }
    }
}
