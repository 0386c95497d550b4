package dev.shopflow.catalog.product.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What an administrator says about a product — everything but its id, stock and history — as submitted, with
 * white space stripped and the SKU upper-cased. {@link #violations(String)} says which rules it breaks; only
 * details without violations may be stored.
 *
 * @param sku the stock-keeping unit, unique among products that are not deleted ({@code AUD-001})
 * @param name what the product is called, at most {@value #MAX_NAME_LENGTH} characters
 * @param description free text, at most {@value #MAX_DESCRIPTION_LENGTH} characters; never {@code null}
 * @param category the slug of the category it is listed in
 * @param priceAmount the price in minor units of {@code priceCurrency}
 * @param priceCurrency the ISO 4217 code of the price's currency
 * @param imageUrl an absolute http(s) URL of its picture, or {@code null}
 * @param attributes a few facts such as {@code color} or {@code weight}, sorted by name; never {@code null}
 */
public record ProductDetails(
        String sku,
        String name,
        String description,
        String category,
        Long priceAmount,
        String priceCurrency,
        String imageUrl,
        Map<String, String> attributes) {

    public static final int MAX_SKU_LENGTH = 32;
    public static final int MIN_SKU_LENGTH = 3;
    public static final int MAX_NAME_LENGTH = 200;
    public static final int MAX_DESCRIPTION_LENGTH = 5000;
    public static final int MAX_IMAGE_URL_LENGTH = 500;
    public static final int MAX_ATTRIBUTES = 20;
    public static final int MAX_ATTRIBUTE_NAME_LENGTH = 40;
    public static final int MAX_ATTRIBUTE_VALUE_LENGTH = 200;
    /** Ten million in major units: far above any believable price, far below where a cart total could overflow. */
    public static final long MAX_PRICE_AMOUNT = 1_000_000_000L;

    private static final Pattern SKU = Pattern.compile("[A-Z0-9]+(-[A-Z0-9]+)*");
    private static final Pattern ATTRIBUTE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    public ProductDetails {
        sku = sku == null ? null : sku.strip().toUpperCase(Locale.ROOT);
        name = SubmittedText.strip(name);
        description = description == null ? "" : description.strip();
        category = SubmittedText.strip(category);
        priceCurrency = SubmittedText.strip(priceCurrency);
        imageUrl = imageUrl == null || imageUrl.isBlank() ? null : imageUrl.strip();
        // A TreeMap keeps the names sorted (stable JSON) and accepts the null values that violations() reports.
        attributes = attributes == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(attributes));
    }

    /** The price; only meaningful for details without violations. */
    public Money price() {
        return new Money(priceAmount, priceCurrency);
    }

    /**
     * The rules these details break, in field order; empty when they may be stored. Whether the category exists is
     * for the caller to check: it needs the database.
     *
     * @param storeCurrency the one currency the store sells in (every price is in it, so carts can add them up)
     */
    public List<Violation> violations(String storeCurrency) {
        List<Violation> violations = new ArrayList<>();
        checkSku(violations);
        checkName(violations);
        checkDescription(violations);
        checkCategory(violations);
        checkPrice(violations, storeCurrency);
        checkImageUrl(violations);
        checkAttributes(violations);
        return violations;
    }

    private void checkSku(List<Violation> violations) {
        if (sku == null || sku.isEmpty()) {
            violations.add(new Violation("sku", "is required"));
        } else if (sku.length() < MIN_SKU_LENGTH || sku.length() > MAX_SKU_LENGTH || !SKU.matcher(sku).matches()) {
            violations.add(new Violation("sku", "must be " + MIN_SKU_LENGTH + " to " + MAX_SKU_LENGTH
                    + " letters and digits in groups joined by single dashes, such as AUD-001"));
        }
    }

    private void checkName(List<Violation> violations) {
        if (name == null || name.isEmpty()) {
            violations.add(new Violation("name", "is required"));
        } else if (SubmittedText.length(name) > MAX_NAME_LENGTH) {
            violations.add(new Violation("name", "must be at most " + MAX_NAME_LENGTH + " characters long"));
        } else if (SubmittedText.hasControlCharacters(name, false)) {
            violations.add(new Violation("name", "must not contain control characters or line breaks"));
        }
    }

    private void checkDescription(List<Violation> violations) {
        if (SubmittedText.length(description) > MAX_DESCRIPTION_LENGTH) {
            violations.add(new Violation("description", "must be at most " + MAX_DESCRIPTION_LENGTH + " characters long"));
        } else if (SubmittedText.hasControlCharacters(description, true)) {
            violations.add(new Violation("description", "must not contain control characters other than line breaks and tabs"));
        }
    }

    private void checkCategory(List<Violation> violations) {
        if (category == null || category.isEmpty()) {
            violations.add(new Violation("category", "is required: the slug of a category, such as audio"));
        } else if (!CategorySlug.isValid(category)) {
            violations.add(new Violation("category", CategorySlug.RULE));
        }
    }

    private void checkPrice(List<Violation> violations, String storeCurrency) {
        if (priceAmount == null) {
            violations.add(new Violation("price.amount", "is required, in minor units (1999 for 19.99)"));
        } else if (priceAmount < 0 || priceAmount > MAX_PRICE_AMOUNT) {
            violations.add(new Violation("price.amount", "must be from 0 to " + MAX_PRICE_AMOUNT
                    + " minor units (1999 for 19.99)"));
        }
        if (priceCurrency == null || priceCurrency.isEmpty()) {
            violations.add(new Violation("price.currency", "is required: " + storeCurrency));
        } else if (!priceCurrency.equals(storeCurrency)) {
            violations.add(new Violation("price.currency", "must be " + storeCurrency + ", the currency the store sells in"));
        }
    }

    private void checkImageUrl(List<Violation> violations) {
        if (imageUrl == null) {
            return;
        }
        if (imageUrl.length() > MAX_IMAGE_URL_LENGTH) {
            violations.add(new Violation("imageUrl", "must be at most " + MAX_IMAGE_URL_LENGTH + " characters long"));
        } else if (!isWebAddress(imageUrl)) {
            violations.add(new Violation("imageUrl", "must be an absolute http or https URL"));
        }
    }

    private static boolean isWebAddress(String url) {
        try {
            var uri = new URI(url);
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private void checkAttributes(List<Violation> violations) {
        if (attributes.size() > MAX_ATTRIBUTES) {
            violations.add(new Violation("attributes", "must have at most " + MAX_ATTRIBUTES + " entries"));
            return;
        }
        attributes.forEach((attribute, value) -> {
            if (attribute.length() > MAX_ATTRIBUTE_NAME_LENGTH || !ATTRIBUTE_NAME.matcher(attribute).matches()) {
                violations.add(new Violation("attributes", "has a name that is not a letter followed by up to "
                        + (MAX_ATTRIBUTE_NAME_LENGTH - 1) + " letters, digits or underscores"));
            } else if (value == null || value.isBlank()) {
                violations.add(new Violation("attributes." + attribute, "must have a value"));
            } else if (SubmittedText.length(value) > MAX_ATTRIBUTE_VALUE_LENGTH) {
                violations.add(new Violation("attributes." + attribute, "must be at most "
                        + MAX_ATTRIBUTE_VALUE_LENGTH + " characters long"));
            } else if (SubmittedText.hasControlCharacters(value, false)) {
                violations.add(new Violation("attributes." + attribute, "must not contain control characters"));
            }
        });
    }
}
