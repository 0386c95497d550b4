package dev.shopflow.catalog.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopflow.catalog.inventory.domain.Mispriced;
import dev.shopflow.catalog.inventory.domain.OrderedPrice;
import dev.shopflow.catalog.inventory.domain.Price;
import dev.shopflow.catalog.inventory.domain.PriceCheck;
import dev.shopflow.catalog.inventory.domain.PublishedPrices;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PriceCheckTest {

    private final UUID mug = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private final UUID kettle = UUID.fromString("00000000-0000-0000-0000-000000000002");

    @Test
    void honoursTheCurrentPriceAndOnesReplacedWithinTheGracePeriod() {
        var published = Map.of(mug, new PublishedPrices(eur(2999), Set.of(eur(1999))),
                kettle, new PublishedPrices(eur(4500), Set.of()));

        assertThat(PriceCheck.mispriced(List.of(new OrderedPrice(mug, eur(2999)), new OrderedPrice(kettle, eur(4500))),
                published)).isEmpty();
        assertThat(PriceCheck.mispriced(List.of(new OrderedPrice(mug, eur(1999))), published)).isEmpty();
    }

    @Test
    void namesEveryLineAtAPriceCatalogDidNotPublishWithThePriceItAsksNow() {
        var published = Map.of(mug, new PublishedPrices(eur(2999), Set.of(eur(1999))),
                kettle, new PublishedPrices(eur(4500), Set.of()));

        assertThat(PriceCheck.mispriced(List.of(new OrderedPrice(mug, eur(1)), new OrderedPrice(kettle, eur(4500)),
                new OrderedPrice(kettle, new Price(4500, "USD"))), published))
                .containsExactly(new Mispriced(mug, eur(1), eur(2999)),
                        new Mispriced(kettle, new Price(4500, "USD"), eur(4500)));
    }

    @Test
    void leavesAProductCatalogDoesNotHaveToTheStockRule() {
        assertThat(PriceCheck.mispriced(List.of(new OrderedPrice(mug, eur(1))), Map.of())).isEmpty();
    }

    private static Price eur(long amount) {
        return new Price(amount, "EUR");
    }
}
