package dev.shopflow.order.cart.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shopflow.order.money.Money;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CartTest {

    private static final Instant NOW = Instant.parse("2026-11-21T09:00:00Z");

    private final Cart cart = Cart.of(UUID.randomUUID(), List.of());

    @Test
    void addsAProductAtTheNameAndPriceGivenAndTotalsTheLines() {
        UUID mug = UUID.randomUUID();
        UUID spoon = UUID.randomUUID();

        cart.add(mug, "Mug", eur(1999), 2, NOW);
        cart.add(spoon, "Spoon", eur(250), 1, NOW.plusSeconds(1));

        assertThat(cart.lines()).extracting(CartLine::productId).containsExactly(mug, spoon);
        assertThat(cart.lines().getFirst().lineTotal()).isEqualTo(eur(3998));
        assertThat(cart.total("EUR")).isEqualTo(eur(4248));
    }

    @Test
    void addingAProductAgainAddsToItsQuantityAtTheNewPriceKeepingItsPlace() {
        UUID mug = UUID.randomUUID();
        cart.add(mug, "Mug", eur(1999), 2, NOW);
        cart.add(UUID.randomUUID(), "Spoon", eur(250), 1, NOW.plusSeconds(1));

        cart.add(mug, "Mug (new)", eur(1899), 3, NOW.plusSeconds(2));

        CartLine line = cart.lines().getFirst();
        assertThat(line.quantity()).isEqualTo(5);
        assertThat(line.unitPrice()).isEqualTo(eur(1899));
        assertThat(line.name()).isEqualTo("Mug (new)");
        assertThat(line.addedAt()).isEqualTo(NOW);
    }

    @Test
    void repricesLinesToCatalogsPricesNamingEachChangeAndKeepsLinesCatalogDoesNotPrice() {
        UUID mug = UUID.randomUUID();
        UUID spoon = UUID.randomUUID();
        UUID withdrawn = UUID.randomUUID();
        cart.add(mug, "Mug", eur(1999), 2, NOW);
        cart.add(spoon, "Spoon", eur(250), 1, NOW.plusSeconds(1));
        cart.add(withdrawn, "Old lamp", eur(5000), 1, NOW.plusSeconds(2));

        List<PriceChange> changes = cart.reprice(Map.of(mug, eur(2499), spoon, eur(250)));

        assertThat(changes).containsExactly(new PriceChange(mug, eur(1999), eur(2499)));
        assertThat(cart.lines()).extracting(CartLine::productId).containsExactly(mug, spoon, withdrawn);
        assertThat(cart.lines()).extracting(CartLine::unitPrice).containsExactly(eur(2499), eur(250), eur(5000));
        assertThat(cart.lines().getFirst().quantity()).isEqualTo(2);
        assertThat(cart.lines().getFirst().addedAt()).isEqualTo(NOW);
        assertThat(cart.reprice(Map.of(mug, eur(2499), spoon, eur(250)))).as("at catalog's prices now").isEmpty();
    }

    @Test
    void refusesMoreThanNinetyNineOfAProduct() {
        UUID mug = UUID.randomUUID();
        cart.add(mug, "Mug", eur(1999), 98, NOW);

        assertThatThrownBy(() -> cart.add(mug, "Mug", eur(1999), 2, NOW)).isInstanceOf(CartChangeRefused.class)
                .hasMessageContaining("98 already");
        assertThat(cart.lines().getFirst().quantity()).isEqualTo(98);
    }

    @Test
    void refusesAQuantityOutsideOneToNinetyNine() {
        assertThatThrownBy(() -> cart.add(UUID.randomUUID(), "Mug", eur(1), 0, NOW))
                .isInstanceOf(CartChangeRefused.class);
        assertThatThrownBy(() -> cart.add(UUID.randomUUID(), "Mug", eur(1), 100, NOW))
                .isInstanceOf(CartChangeRefused.class);
        assertThat(cart.lines()).isEmpty();
    }

    @Test
    void refusesAFiftyFirstProduct() {
        for (int i = 0; i < Cart.MAX_LINES; i++) {
            cart.add(UUID.randomUUID(), "Product " + i, eur(100), 1, NOW);
        }

        assertThatThrownBy(() -> cart.add(UUID.randomUUID(), "One more", eur(100), 1, NOW))
                .isInstanceOf(CartChangeRefused.class).hasMessageContaining("at most 50");
        assertThat(cart.lines()).hasSize(Cart.MAX_LINES);
    }

    @Test
    void refusesAProductPricedInAnotherCurrency() {
        cart.add(UUID.randomUUID(), "Mug", eur(1999), 1, NOW);

        assertThatThrownBy(() -> cart.add(UUID.randomUUID(), "Cup", new Money(100, "USD"), 1, NOW))
                .isInstanceOf(CartChangeRefused.class).hasMessageContaining("USD");
    }

    @Test
    void changesTheQuantityOfAProductItHolds() {
        UUID mug = UUID.randomUUID();
        cart.add(mug, "Mug", eur(1999), 2, NOW);

        cart.changeQuantity(mug, 7);

        assertThat(cart.lines().getFirst().quantity()).isEqualTo(7);
        assertThatThrownBy(() -> cart.changeQuantity(UUID.randomUUID(), 1)).isInstanceOf(ProductNotInCart.class);
        assertThatThrownBy(() -> cart.changeQuantity(mug, 0)).isInstanceOf(CartChangeRefused.class);
    }

    @Test
    void removesAProductAndTotalsAnEmptyCartAsZero() {
        UUID mug = UUID.randomUUID();
        cart.add(mug, "Mug", eur(1999), 2, NOW);

        cart.remove(mug);
        cart.remove(UUID.randomUUID());

        assertThat(cart.lines()).isEmpty();
        assertThat(cart.total("EUR")).isEqualTo(eur(0));
    }

    private static Money eur(long amount) {
        return new Money(amount, "EUR");
    }
}
