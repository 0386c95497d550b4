package dev.shopflow.catalog.demo.domain;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The demo catalog: product lines, one per category, each a list of items in a few variants (a colour, a size) —
 * the content lives in {@code demo-catalog.json}, the rules that turn it into products live here, so the catalog is
 * the same on every machine. SKUs are the line's prefix and a number ({@code AUD-001}, item by item, variant by
 * variant), ids are name-based UUIDs of the SKU ({@link #productId}), a variant's price is the item's base price
 * scaled by the variant and ending in 99 ({@link #price}), and products were "added" seven hours apart from
 * {@link #FIRST_ADDED} on, the lines taking turns.
 */
public final class DemoCatalog {

    public static final Instant FIRST_ADDED = Instant.parse("2026-01-05T09:00:00Z");
    private static final Duration BETWEEN_ADDITIONS = Duration.ofHours(7);
    private static final Pattern SKU_PREFIX = Pattern.compile("[A-Z]{2,8}");

    private final List<DemoCategory> categories;
    private final List<DemoProduct> products;

    private DemoCatalog(List<DemoCategory> categories, List<DemoProduct> products) {
        this.categories = List.copyOf(categories);
        this.products = List.copyOf(products);
    }

    /**
     * The catalog these product lines make.
     *
     * @throws IllegalArgumentException when there is no line, or two lines share a slug or a SKU prefix
     */
    public static DemoCatalog of(List<ProductLine> lines) {
        if (lines == null || lines.isEmpty()) {
            throw new IllegalArgumentException("The demo catalog has no product lines");
        }
        requireDistinct(lines.stream().map(ProductLine::slug).toList(), "slug");
        requireDistinct(lines.stream().map(ProductLine::skuPrefix).toList(), "skuPrefix");
        List<DemoCategory> categories = lines.stream()
                .map(line -> new DemoCategory(categoryId(line.slug()), line.slug(), line.name()))
                .toList();
        List<DemoProduct> products = new ArrayList<>();
        for (int l = 0; l < lines.size(); l++) {
            ProductLine line = lines.get(l);
            for (int i = 0; i < line.items().size(); i++) {
                Item item = line.items().get(i);
                for (int v = 0; v < line.variants().size(); v++) {
                    Variant variant = line.variants().get(v);
                    int number = i * line.variants().size() + v + 1;
                    String sku = "%s-%03d".formatted(line.skuPrefix(), number);
                    Map<String, String> attributes = new HashMap<>(item.attributes());
                    attributes.put(variant.attribute(), variant.value());
                    long added = (long) (number - 1) * lines.size() + l;
                    products.add(new DemoProduct(productId(sku), sku, item.name() + ", " + variant.label(),
                            item.description() + " " + capitalised(variant.attribute()) + ": " + variant.value() + ".",
                            line.slug(), price(item.basePrice(), variant.pricePercent()), attributes,
                            FIRST_ADDED.plus(BETWEEN_ADDITIONS.multipliedBy(added))));
                }
            }
        }
        return new DemoCatalog(categories, products);
    }

    /** The categories, in the order of their lines. */
    public List<DemoCategory> categories() {
        return categories;
    }

    /** The products, by SKU within category; creation times interleave the categories. */
    public List<DemoProduct> products() {
        return products;
    }

    /** The id of the demo product with this SKU, the same on every machine: a name-based (version 3) UUID. */
    public static UUID productId(String sku) {
        return UUID.nameUUIDFromBytes(("shopflow-demo/product/" + sku).getBytes(StandardCharsets.UTF_8));
    }

    /** The id of the demo category with this slug, derived like {@link #productId}. */
    public static UUID categoryId(String slug) {
        return UUID.nameUUIDFromBytes(("shopflow-demo/category/" + slug).getBytes(StandardCharsets.UTF_8));
    }

    /** The base price scaled for a variant and rounded to a price that ends in 99 (12.99, 178.99). */
    static long price(long base, int percent) {
        long majorUnits = Math.max(1, Math.round(base * percent / 10_000.0));
        return majorUnits * 100 - 1;
    }

    private static String capitalised(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private static void requireDistinct(List<String> values, String field) {
        var seen = new HashSet<String>();
        for (String value : values) {
            if (!seen.add(value)) {
                throw new IllegalArgumentException("Two product lines have the " + field + " " + value);
            }
        }
    }

    private static <T> T required(T value, String field) {
        return Objects.requireNonNull(value, () -> field + " is missing");
    }

    /**
     * One category's products: each item in each variant, numbered after {@code skuPrefix}.
     *
     * @param slug the category's slug, such as {@code coffee-tea}
     * @param name the category's name for people, such as {@code Coffee & Tea}
     * @param skuPrefix upper-case letters that start the SKUs of the line, such as {@code COF}
     */
    public record ProductLine(String slug, String name, String skuPrefix, List<Variant> variants, List<Item> items) {

        public ProductLine {
            required(slug, "slug");
            required(name, "name");
            if (!SKU_PREFIX.matcher(required(skuPrefix, "skuPrefix")).matches()) {
                throw new IllegalArgumentException("skuPrefix must be 2 to 8 upper-case letters, not " + skuPrefix);
            }
            if (required(variants, "variants").isEmpty() || required(items, "items").isEmpty()) {
                throw new IllegalArgumentException(
                        "The product line " + slug + " needs at least one variant and one item");
            }
            if (variants.size() * items.size() > 999) {
                throw new IllegalArgumentException("The product line " + slug + " has more products than SKUs: "
                        + variants.size() * items.size() + " (at most 999)");
            }
            variants = List.copyOf(variants);
            items = List.copyOf(items);
        }
    }

    /**
     * A way every item of a line comes: its {@code label} ends the product's name ("…, Black"), {@code attribute}
     * and {@code value} join its attributes and its description.
     *
     * @param pricePercent the variant's price as a percentage of the item's base price
     */
    public record Variant(String label, String attribute, String value, int pricePercent) {

        public Variant {
            required(label, "label");
            if (required(attribute, "attribute").isEmpty()) {
                throw new IllegalArgumentException("A variant's attribute must not be empty");
            }
            required(value, "value");
            if (pricePercent <= 0) {
                throw new IllegalArgumentException("pricePercent must be positive, not " + pricePercent);
            }
        }
    }

    /**
     * A product of a line, before its variants.
     *
     * @param basePrice in minor units, before the variant's {@link Variant#pricePercent}
     */
    public record Item(String name, long basePrice, String description, Map<String, String> attributes) {

        public Item {
            required(name, "name");
            if (basePrice <= 0) {
                throw new IllegalArgumentException("basePrice must be positive, not " + basePrice);
            }
            required(description, "description");
            attributes = Map.copyOf(required(attributes, "attributes"));
        }
    }
}
