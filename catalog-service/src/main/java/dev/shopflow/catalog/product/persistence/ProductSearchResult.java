package dev.shopflow.catalog.product.persistence;

import java.util.List;

/** The rows of one page of a search and how many rows match in all. */
public record ProductSearchResult(List<ProductRow> rows, long totalMatching) {
}
