package dev.shopflow.catalog.product.domain;

import java.util.regex.Pattern;

/**
 * The rule for a category's slug, the name it has in URLs and filters ({@code coffee-tea}): lower-case letters and
 * digits in words joined by single dashes, at most {@value #MAX_LENGTH} characters.
 */
public final class CategorySlug {

    public static final String PATTERN = "[a-z0-9]+(-[a-z0-9]+)*";
    public static final int MAX_LENGTH = 64;
    public static final String RULE = "must be lower-case letters and digits in words joined by dashes, such as "
            + "coffee-tea, at most " + MAX_LENGTH + " characters";

    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    private CategorySlug() {
    }

    public static boolean isValid(String slug) {
        return slug != null && slug.length() <= MAX_LENGTH && COMPILED.matcher(slug).matches();
    }
}
