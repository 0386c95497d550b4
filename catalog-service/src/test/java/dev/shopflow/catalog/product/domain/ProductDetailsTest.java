package dev.shopflow.catalog.product.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProductDetailsTest {

    private static ProductDetails valid() {
        return new ProductDetails("aud-001", "Headphones", "Over-ear.", "audio", 17_899L, "EUR",
                "https://images.example/aud-001.jpg", Map.of("color", "black"));
    }

    private static List<String> fields(ProductDetails details) {
        return details.violations("EUR").stream().map(Violation::field).toList();
    }

    @Test
    void acceptsAWellFormedProductWithItsSkuUpperCased() {
        var details = valid();

        assertThat(details.violations("EUR")).isEmpty();
        assertThat(details.sku()).isEqualTo("AUD-001");
        assertThat(details.price()).isEqualTo(new Money(17_899, "EUR"));
    }

    @Test
    void stripsSurroundingWhiteSpaceAndFillsInWhatIsOptional() {
        var details = new ProductDetails(" x-1 ", "  Mug ", null, " home ", 500L, " EUR ", "  ", null);

        assertThat(details.violations("EUR")).isEmpty();
        assertThat(details.name()).isEqualTo("Mug");
        assertThat(details.description()).isEmpty();
        assertThat(details.category()).isEqualTo("home");
        assertThat(details.imageUrl()).isNull();
        assertThat(details.attributes()).isEmpty();
    }

    @Test
    void requiresSkuNameCategoryAndPrice() {
        var details = new ProductDetails(null, "", null, null, null, null, null, null);

        assertThat(fields(details)).containsExactly("sku", "name", "category", "price.amount", "price.currency");
    }

    @Test
    void refusesMalformedSkus() {
        for (String sku : List.of("AB", "A".repeat(33), "AUD 001", "AUD--001", "-AUD", "AUD-", "ÄUD-001", "AUD_001")) {
            var details = new ProductDetails(sku, "Name", "", "audio", 1L, "EUR", null, Map.of());
            assertThat(fields(details)).as(sku).containsExactly("sku");
        }
        var longest = new ProductDetails("A".repeat(32), "Name", "", "audio", 1L, "EUR", null, Map.of());
        assertThat(longest.violations("EUR")).isEmpty();
    }

    @Test
    void limitsNamesAndDescriptionsToWhatTheColumnsHold() {
        assertThat(fields(new ProductDetails("SKU", "n".repeat(200), "d".repeat(5_000), "audio", 1L, "EUR", null, null)))
                .isEmpty();
        assertThat(fields(new ProductDetails("SKU", "n".repeat(201), "d".repeat(5_001), "audio", 1L, "EUR", null, null)))
                .containsExactly("name", "description");
        // Counted as PostgreSQL counts them: 200 emoji are 400 UTF-16 chars but 200 characters.
        assertThat(fields(new ProductDetails("SKU", "🙂".repeat(200), "", "audio", 1L, "EUR", null, null))).isEmpty();
    }

    @Test
    void refusesControlCharactersThatTheDatabaseCannotStoreOrThatBreakAName() {
        var details = new ProductDetails("SKU", "Bad\u0000name", "Line one\nline two\ttabbed", "audio", 1L, "EUR", null,
                Map.of("note", "bell\u0007"));

        assertThat(fields(details)).containsExactly("name", "attributes.note");
        assertThat(fields(new ProductDetails("SKU", "Name", "nul\u0000", "audio", 1L, "EUR", null, null)))
                .containsExactly("description");
    }

    @Test
    void acceptsPricesFromZeroToTenMillionInTheStoresCurrencyOnly() {
        assertThat(fields(withPrice(0L, "EUR"))).isEmpty();
        assertThat(fields(withPrice(ProductDetails.MAX_PRICE_AMOUNT, "EUR"))).isEmpty();
        assertThat(fields(withPrice(-1L, "EUR"))).containsExactly("price.amount");
        assertThat(fields(withPrice(ProductDetails.MAX_PRICE_AMOUNT + 1, "EUR"))).containsExactly("price.amount");
        assertThat(fields(withPrice(100L, "USD"))).containsExactly("price.currency");
        assertThat(fields(withPrice(100L, "eur"))).containsExactly("price.currency");
    }

    private static ProductDetails withPrice(Long amount, String currency) {
        return new ProductDetails("SKU", "Name", "", "audio", amount, currency, null, null);
    }

    @Test
    void acceptsOnlyAbsoluteWebAddressesForImages() {
        for (String url : List.of("https://cdn.example/a.jpg", "http://localhost:8080/a.png")) {
            assertThat(fields(withImage(url))).as(url).isEmpty();
        }
        for (String url : List.of("ftp://cdn.example/a.jpg", "/relative.jpg", "javascript:alert(1)", "https://",
                "https://cdn.example/" + "a".repeat(500), "not a url")) {
            assertThat(fields(withImage(url))).as(url).containsExactly("imageUrl");
        }
    }

    private static ProductDetails withImage(String url) {
        return new ProductDetails("SKU", "Name", "", "audio", 1L, "EUR", url, null);
    }

    @Test
    void limitsAttributesInNumberNameAndValue() {
        Map<String, String> many = new HashMap<>();
        for (int i = 0; i < 21; i++) {
            many.put("a" + i, "v");
        }
        assertThat(fields(withAttributes(many))).containsExactly("attributes");
        assertThat(fields(withAttributes(Map.of("weight_g", "250", "sizeEU", "42")))).isEmpty();
        assertThat(fields(withAttributes(Map.of("has space", "v")))).containsExactly("attributes");
        assertThat(fields(withAttributes(Map.of("a".repeat(41), "v")))).containsExactly("attributes");
        assertThat(fields(withAttributes(Map.of("note", " ")))).containsExactly("attributes.note");
        assertThat(fields(withAttributes(Map.of("note", "v".repeat(201))))).containsExactly("attributes.note");
        Map<String, String> nullValue = new HashMap<>();
        nullValue.put("note", null);
        assertThat(fields(withAttributes(nullValue))).containsExactly("attributes.note");
    }

    private static ProductDetails withAttributes(Map<String, String> attributes) {
        return new ProductDetails("SKU", "Name", "", "audio", 1L, "EUR", null, attributes);
    }

    @Test
    void refusesACategoryThatIsNotASlug() {
        var details = new ProductDetails("SKU", "Name", "", "Coffee & Tea", 1L, "EUR", null, null);

        assertThat(fields(details)).containsExactly("category");
    }
}
