package dev.shopflow.catalog.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopflow.catalog.demo.domain.DemoCatalog;
import dev.shopflow.catalog.demo.domain.DemoCategory;
import dev.shopflow.catalog.demo.domain.DemoProduct;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The demo catalog exactly as it is published: a few products field by field, the totals, and a digest of every
 * category and product in loading order, so that any change to the data — a price, a word, an attribute, an order —
 * is a deliberate one.
 */
class DemoCatalogPinnedTest {

    private static final DemoCatalog CATALOG = DemoCatalogFile.read();

    /** SHA-256 of {@link #canonical}: every category and product, in the order they are loaded. */
    private static final String DIGEST = "eda027f119f8ff31a907b10cf3a7ad3dd2a55778e50f131d48427ef956ac675a";

    @Test
    void hasTheSameTwoHundredTwentyProductsInTheSameTenCategories() {
        assertThat(CATALOG.products()).hasSize(220);
        assertThat(CATALOG.categories()).extracting(DemoCategory::slug).containsExactly(
                "audio", "computing", "kitchen", "coffee-tea", "home", "outdoor", "fitness", "clothing", "books",
                "toys-games");
        assertThat(CATALOG.categories()).extracting(DemoCategory::name).containsExactly(
                "Audio", "Computers & Accessories", "Kitchen", "Coffee & Tea", "Home & Living", "Outdoor & Camping",
                "Sports & Fitness", "Clothing", "Books", "Toys & Games");
        assertThat(CATALOG.products().stream().mapToLong(DemoProduct::price).sum()).isEqualTo(1_475_280);
    }

    @Test
    void keepsTheProductsTheDocsAndScriptsName() {
        assertThat(product("AUD-001")).isEqualTo(new DemoProduct(
                UUID.fromString("41f87984-10f1-36da-9b5e-a27f193baa9a"), "AUD-001",
                "Aria Over-Ear Wireless Headphones, Black",
                "Over-ear headphones with active noise cancelling, 30 hours of battery and a fold-flat design for "
                        + "travel. Color: black.",
                "audio", 17_899, Map.of("connectivity", "Bluetooth 5.3", "battery", "30 h", "color", "black"),
                Instant.parse("2026-01-05T09:00:00Z")));
        assertThat(product("AUD-002").price()).isEqualTo(18_599);
        assertThat(product("AUD-002").name()).isEqualTo("Aria Over-Ear Wireless Headphones, Sand");
        assertThat(product("COF-001").id()).isEqualTo(UUID.fromString("b90d09a6-8c04-3ebf-83aa-2bb950030e90"));
        assertThat(product("COF-001").price()).isEqualTo(1_299);
        assertThat(product("KIT-001").name()).isEqualTo("Electric Gooseneck Kettle, Stainless");
        assertThat(product("KIT-001").price()).isEqualTo(7_899);
        assertThat(product("BOO-001").name()).isEqualTo("Designing Event-Driven Systems for Humans, Paperback");
        assertThat(product("BOO-001").price()).isEqualTo(3_899);
        assertThat(product("TOY-022").createdAt()).isEqualTo(Instant.parse("2026-03-10T06:00:00Z"));
    }

    @Test
    void hasTheSameContentDownToTheLastWord() {
        assertThat(sha256(canonical(CATALOG.categories(), CATALOG.products()))).isEqualTo(DIGEST);
    }

    private static DemoProduct product(String sku) {
        return CATALOG.products().stream().filter(product -> product.sku().equals(sku)).findFirst().orElseThrow();
    }

    static String canonical(List<DemoCategory> categories, List<DemoProduct> products) {
        var text = new StringBuilder();
        categories.forEach(category -> text.append(category.id()).append('|').append(category.slug()).append('|')
                .append(category.name()).append('\n'));
        products.forEach(product -> text.append(product.id()).append('|').append(product.sku()).append('|')
                .append(product.name()).append('|').append(product.description()).append('|')
                .append(product.category()).append('|').append(product.price()).append('|')
                .append(new TreeMap<>(product.attributes()).entrySet().stream()
                        .map(attribute -> attribute.getKey() + "=" + attribute.getValue())
                        .collect(Collectors.joining(",")))
                .append('|').append(product.createdAt()).append('\n'));
        return text.toString();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
