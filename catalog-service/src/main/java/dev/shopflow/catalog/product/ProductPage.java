package dev.shopflow.catalog.product;

import java.util.List;

/**
 * One page of a product search.
 *
 * @param items the products on this page; empty beyond the last page
 * @param page the page number, from 0
 * @param size the page size asked for
 * @param totalItems how many products match in all
 */
public record ProductPage(List<Product> items, int page, int size, long totalItems) {

    public ProductPage {
        items = List.copyOf(items);
    }

    public long totalPages() {
        return (totalItems + size - 1) / size;
    }
}
