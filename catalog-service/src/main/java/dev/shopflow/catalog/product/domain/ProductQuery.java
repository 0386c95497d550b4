package dev.shopflow.catalog.product.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One page of a product search: which products (a search term, a category, a price range) in which order.
 * {@link #parse} reads it from query parameters as a client sends them, so that every wrong value is reported
 * with its parameter's name rather than failing somewhere deeper.
 *
 * @param page the page, from 0
 * @param size products per page, 1 to {@value #MAX_SIZE}
 * @param text the search term, or empty for no text search
 * @param category the slug of the category to list, or empty for all
 * @param sort the order
 * @param minPrice the lowest price in minor units, inclusive, or empty
 * @param maxPrice the highest price in minor units, inclusive, or empty
 */
public record ProductQuery(
        int page,
        int size,
        Optional<String> text,
        Optional<String> category,
        ProductSort sort,
        Optional<Long> minPrice,
        Optional<Long> maxPrice) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;
    /** Enough for any honest search; a longer term only costs the database work. */
    public static final int MAX_TEXT_LENGTH = 200;

    /** Where this page starts among all matching products. */
    public long offset() {
        return (long) page * size;
    }

    /**
     * Reads the query parameters of {@code GET /api/catalog/products}; a missing or blank parameter takes its
     * default.
     *
     * @throws InvalidProductQuery naming every parameter with a wrong value
     */
    public static ProductQuery parse(String page, String size, String q, String category, String sort,
            String minPrice, String maxPrice) {
        List<Violation> violations = new ArrayList<>();
        int pageNumber = wholeNumber("page", page, 0, 0, Integer.MAX_VALUE, violations);
        int pageSize = wholeNumber("size", size, DEFAULT_SIZE, 1, MAX_SIZE, violations);
        Optional<String> text = text(q, violations);
        Optional<String> categorySlug = category(category, violations);
        ProductSort order = sort(sort, text.isPresent(), violations);
        Optional<Long> lowest = price("minPrice", minPrice, violations);
        Optional<Long> highest = price("maxPrice", maxPrice, violations);
        if (lowest.isPresent() && highest.isPresent() && lowest.get() > highest.get()) {
            violations.add(new Violation("minPrice", "must not be above maxPrice"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidProductQuery(violations);
        }
        return new ProductQuery(pageNumber, pageSize, text, categorySlug, order, lowest, highest);
    }

    private static boolean absent(String value) {
        return value == null || value.isBlank();
    }

    private static int wholeNumber(String field, String value, int fallback, int min, int max, List<Violation> violations) {
        if (absent(value)) {
            return fallback;
        }
        Long number = parseLong(value.strip());
        if (number == null || number < min || number > max) {
            violations.add(new Violation(field, "must be a whole number from " + min + " to " + max));
            return fallback;
        }
        return number.intValue();
    }

    private static Optional<Long> price(String field, String value, List<Violation> violations) {
        if (absent(value)) {
            return Optional.empty();
        }
        Long amount = parseLong(value.strip());
        if (amount == null || amount < 0 || amount > ProductDetails.MAX_PRICE_AMOUNT) {
            violations.add(new Violation(field, "must be a whole number of minor units from 0 to "
                    + ProductDetails.MAX_PRICE_AMOUNT + " (1999 for 19.99)"));
            return Optional.empty();
        }
        return Optional.of(amount);
    }

    /** The number, or {@code null} when {@code value} is not a whole number that fits a {@code long}. */
    private static Long parseLong(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Optional<String> text(String q, List<Violation> violations) {
        if (absent(q)) {
            return Optional.empty();
        }
        // White space of any kind (tabs, line breaks) separates words; other control characters mean nothing.
        String text = q.replaceAll("[\\s\\p{Cntrl}]+", " ").strip();
        if (SubmittedText.length(text) > MAX_TEXT_LENGTH) {
            violations.add(new Violation("q", "must be at most " + MAX_TEXT_LENGTH + " characters long"));
            return Optional.empty();
        }
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    private static Optional<String> category(String category, List<Violation> violations) {
        if (absent(category)) {
            return Optional.empty();
        }
        String slug = category.strip();
        if (!CategorySlug.isValid(slug)) {
            violations.add(new Violation("category", CategorySlug.RULE));
            return Optional.empty();
        }
        return Optional.of(slug);
    }

    private static ProductSort sort(String sort, boolean hasText, List<Violation> violations) {
        ProductSort fallback = hasText ? ProductSort.RELEVANCE : ProductSort.NAME;
        if (absent(sort)) {
            return fallback;
        }
        var order = ProductSort.fromParameter(sort.strip());
        if (order.isEmpty()) {
            violations.add(new Violation("sort", "must be one of " + ProductSort.allParameters()));
            return fallback;
        }
        if (order.get() == ProductSort.RELEVANCE && !hasText) {
            violations.add(new Violation("sort", "relevance needs a search term q"));
            return fallback;
        }
        return order.get();
    }
}
