package dev.shopflow.catalog.product.domain;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The orders a product list can come in; each ends with the product id, so that pages never overlap. */
public enum ProductSort {

    /** By name, A to Z. The default without a search term. */
    NAME("name"),
    /** Cheapest first. */
    PRICE("price"),
    /** Dearest first. */
    PRICE_DESC("price-desc"),
    /** Most recently added first. */
    NEWEST("newest"),
    /** Best match for the search term first; the default with one, and only possible with one. */
    RELEVANCE("relevance");

    private final String parameter;

    ProductSort(String parameter) {
        this.parameter = parameter;
    }

    /** How the {@code sort} query parameter names it. */
    public String parameter() {
        return parameter;
    }

    public static Optional<ProductSort> fromParameter(String value) {
        return Arrays.stream(values()).filter(sort -> sort.parameter.equals(value)).findFirst();
    }

    static String allParameters() {
        return Arrays.stream(values()).map(ProductSort::parameter).collect(Collectors.joining(", "));
    }
}
