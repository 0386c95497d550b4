package dev.shopflow.catalog.product.web;

import dev.shopflow.catalog.CatalogProperties;
import dev.shopflow.catalog.inventory.Stock;
import dev.shopflow.catalog.product.Product;
import dev.shopflow.catalog.product.ProductPage;
import dev.shopflow.catalog.product.Products;
import dev.shopflow.catalog.product.domain.CategorySlug;
import dev.shopflow.catalog.product.domain.ProductDetails;
import dev.shopflow.catalog.product.domain.ProductQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

@RestController
@Tag(name = "Products", description = "Products, their prices and stock; anyone may read them")
class ProductController {

    private final Products products;
    private final Stock stock;
    private final CacheableReads reads;

    ProductController(Products products, Stock stock, CatalogProperties properties) {
        this.products = products;
        this.stock = stock;
        this.reads = new CacheableReads(properties.cacheMaxAge());
    }

    @Schema(name = "Money", description = "An amount in minor units (1999 for 19.99) and its ISO 4217 currency")
    record MoneyResponse(@Schema(example = "1999") long amount, @Schema(example = "EUR") String currency) {
    }

    @Schema(name = "Product")
    record ProductResponse(
            @Schema(example = "41f87984-10f1-36da-9b5e-a27f193baa9a") UUID id,
            @Schema(example = "AUD-001") String sku,
            @Schema(example = "Wireless Headphones") String name,
            @Schema(example = "Over-ear, noise cancelling, 30 hours on a charge.") String description,
            @Schema(example = "audio") String category,
            @Schema(example = "Audio") String categoryName,
            MoneyResponse price,
            @Schema(description = "Units that can be ordered now (on hand, less reserved)", example = "100")
            int available,
            @Schema(nullable = true, description = "An absolute http(s) URL of its picture, or null") String imageUrl,
            Map<String, String> attributes,
            long version,
            Instant createdAt,
            Instant updatedAt) {

        static ProductResponse of(Product product) {
            return new ProductResponse(product.id(), product.sku(), product.name(), product.description(),
                    product.category(), product.categoryName(),
                    new MoneyResponse(product.price().amount(), product.price().currency()), product.available(),
                    product.imageUrl(), product.attributes(), product.version(), product.createdAt(),
                    product.updatedAt());
        }

        /** What this answer depends on: any change of the product raises its version; stock changes availability. */
        String fingerprint() {
            return id + ":" + version + ":" + available;
        }
    }

    @Schema(name = "ProductPage")
    record ProductPageResponse(List<ProductResponse> items, int page, int size, long totalItems, long totalPages) {

        static ProductPageResponse of(ProductPage page) {
            return new ProductPageResponse(page.items().stream().map(ProductResponse::of).toList(), page.page(),
                    page.size(), page.totalItems(), page.totalPages());
        }

        String fingerprint() {
            return page + "/" + size + "/" + totalItems + "|"
                    + items.stream().map(ProductResponse::fingerprint).collect(Collectors.joining(","));
        }
    }

    /** A price as submitted: {@code amount} in minor units (1999 for 19.99). */
    record PriceRequest(Long amount, String currency) {
    }

    record CreateProductRequest(
            String sku,
            String name,
            String description,
            String category,
            PriceRequest price,
            String imageUrl,
            Map<String, String> attributes,
            @PositiveOrZero @Max(Stock.MAX_ON_HAND) Long stock) {

        ProductDetails details() {
            return ProductController.details(sku, name, description, category, price, imageUrl, attributes);
        }
    }

    /** The whole product as it should be, and the {@code version} it was read at. */
    record UpdateProductRequest(
            String sku,
            String name,
            String description,
            String category,
            PriceRequest price,
            String imageUrl,
            Map<String, String> attributes,
            @NotNull(message = "is required: the version of the product your change is based on") Long version) {

        ProductDetails details() {
            return ProductController.details(sku, name, description, category, price, imageUrl, attributes);
        }
    }

    record SetStockRequest(@NotNull @PositiveOrZero @Max(Stock.MAX_ON_HAND) Long quantity) {
    }

    private static final Pattern UUID_TEXT = Pattern.compile("\\p{XDigit}{8}(-\\p{XDigit}{4}){3}-\\p{XDigit}{12}");

    /** The id in a path; strict where {@link UUID#fromString} is lenient (it would read {@code 1-1-1-1-1}). */
    private static UUID productId(String id) {
        if (!UUID_TEXT.matcher(id).matches()) {
            throw new MalformedProductId();
        }
        return UUID.fromString(id);
    }

    private static ProductDetails details(String sku, String name, String description, String category,
            PriceRequest price, String imageUrl, Map<String, String> attributes) {
        return new ProductDetails(sku, name, description, category, price == null ? null : price.amount(),
                price == null ? null : price.currency(), imageUrl, attributes);
    }

    /**
     * A page of products; 422 listing each query parameter with a wrong value. With an ETag and a short
     * {@code Cache-Control}; a matching {@code If-None-Match} gets 304.
     */
    @GetMapping("/api/catalog/products")
    @Operation(operationId = "searchProducts", summary = "Search products",
            description = "A page of products: by text, category and price range, in the order asked for. With an "
                    + "ETag and a short Cache-Control; a matching If-None-Match gets 304.")
    @SecurityRequirements
    @ApiResponse(responseCode = "200", description = "A page of products")
    @ApiResponse(responseCode = "304", description = "Not modified since the ETag in If-None-Match")
    @ApiResponse(responseCode = "422", description = "Query parameters with wrong values: errors lists each")
    // The parameters are read as text so that every wrong value is reported by name (ProductQuery.parse); the
    // document states the values that parse accepts.
    Mono<ResponseEntity<ProductPageResponse>> search(
            @Parameter(description = "The page, from 0", schema = @Schema(type = "integer", format = "int32",
                    minimum = "0", defaultValue = "0"))
            @RequestParam(required = false) String page,
            @Parameter(description = "Products per page", schema = @Schema(type = "integer", format = "int32",
                    minimum = "1", maximum = "" + ProductQuery.MAX_SIZE, defaultValue = "" + ProductQuery.DEFAULT_SIZE))
            @RequestParam(required = false) String size,
            @Parameter(description = "Words to search for in names, SKUs and descriptions",
                    schema = @Schema(type = "string", maxLength = ProductQuery.MAX_TEXT_LENGTH))
            @RequestParam(required = false) String q,
            @Parameter(description = "The slug of the category to list", schema = @Schema(type = "string",
                    maxLength = CategorySlug.MAX_LENGTH, pattern = CategorySlug.PATTERN))
            @RequestParam(required = false) String category,
            @Parameter(description = "The order; relevance needs q (and is the default with it), name otherwise",
                    schema = @Schema(type = "string", allowableValues = {"name", "price", "price-desc", "newest",
                            "relevance"}))
            @RequestParam(required = false) String sort,
            @Parameter(description = "The lowest price in minor units, inclusive", schema = @Schema(type = "integer",
                    format = "int64", minimum = "0", maximum = "" + ProductDetails.MAX_PRICE_AMOUNT))
            @RequestParam(required = false) String minPrice,
            @Parameter(description = "The highest price in minor units, inclusive", schema = @Schema(type = "integer",
                    format = "int64", minimum = "0", maximum = "" + ProductDetails.MAX_PRICE_AMOUNT))
            @RequestParam(required = false) String maxPrice,
            ServerWebExchange exchange) {
        var query = ProductQuery.parse(page, size, q, category, sort, minPrice, maxPrice);
        return products.search(query)
                .map(ProductPageResponse::of)
                .map(body -> reads.ok(exchange, body, body.fingerprint()));
    }

    /** The product; 404 when there is none or it is deleted. ETag and caching as for the list. */
    @GetMapping("/api/catalog/products/{id}")
    @Operation(operationId = "getProduct", summary = "A product", description = "The product, unless it is "
            + "deleted. ETag and caching as for the search.")
    @SecurityRequirements
    @ApiResponse(responseCode = "200", description = "The product")
    @ApiResponse(responseCode = "304", description = "Not modified since the ETag in If-None-Match")
    @ApiResponse(responseCode = "400", description = "The id is not a UUID (malformed-product-id)")
    @ApiResponse(responseCode = "404", description = "No such product, or it is deleted (product-not-found)")
    Mono<ResponseEntity<ProductResponse>> product(@PathVariable String id, ServerWebExchange exchange) {
        return products.find(productId(id)).map(ProductResponse::of)
                .map(body -> reads.ok(exchange, body, body.fingerprint()));
    }

    /** 201 with the product and its {@code Location}; 422 with field errors; 409 when the SKU is taken. */
    @PostMapping("/api/catalog/products")
    @Operation(operationId = "createProduct", summary = "Create a product",
            description = "A new product with its stock on hand (0 when left out). For administrators.")
    @ApiResponse(responseCode = "201", description = "The product", headers = @Header(name = "Location",
            description = "The product's address", schema = @Schema(type = "string", format = "uri-reference")))
    @ApiResponse(responseCode = "403", description = "The caller is not an administrator")
    @ApiResponse(responseCode = "409", description = "The SKU is taken (sku-already-in-use)")
    @ApiResponse(responseCode = "422", description = "Invalid fields: errors lists each field and why")
    Mono<ResponseEntity<ProductResponse>> create(@Valid @RequestBody CreateProductRequest request) {
        int stock = request.stock() == null ? 0 : request.stock().intValue();
        return products.create(request.details(), stock)
                .map(created -> ResponseEntity.created(URI.create("/api/catalog/products/" + created.id()))
                        .body(ProductResponse.of(created)));
    }

    /** The revised product; 409 when it changed since {@code version} or the SKU is taken; 404; 422. */
    @PutMapping("/api/catalog/products/{id}")
    @Operation(operationId = "updateProduct", summary = "Revise a product",
            description = "Replaces the product's details, if it is still at the version the change is based on. "
                    + "For administrators.")
    @ApiResponse(responseCode = "200", description = "The revised product")
    @ApiResponse(responseCode = "400", description = "The id is not a UUID (malformed-product-id), or the body "
            + "cannot be read")
    @ApiResponse(responseCode = "403", description = "The caller is not an administrator")
    @ApiResponse(responseCode = "404", description = "No such product, or it is deleted (product-not-found)")
    @ApiResponse(responseCode = "409", description = "The product changed since version (stale-product-version, "
            + "with currentVersion), or the SKU is taken (sku-already-in-use)")
    @ApiResponse(responseCode = "422", description = "Invalid fields: errors lists each field and why")
    Mono<ProductResponse> update(@PathVariable String id, @Valid @RequestBody UpdateProductRequest request) {
        return products.revise(productId(id), request.version(), request.details()).map(ProductResponse::of);
    }

    /** 204; 404 when there is no such product or it is deleted already. */
    @DeleteMapping("/api/catalog/products/{id}")
    @Operation(operationId = "deleteProduct", summary = "Delete a product",
            description = "The product is no longer listed or sold. For administrators.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "400", description = "The id is not a UUID (malformed-product-id)")
    @ApiResponse(responseCode = "403", description = "The caller is not an administrator")
    @ApiResponse(responseCode = "404", description = "No such product, or it is deleted already (product-not-found)")
    Mono<ResponseEntity<Void>> delete(@PathVariable String id) {
        return products.delete(productId(id)).thenReturn(ResponseEntity.noContent().build());
    }

    /**
     * Sets on hand (inventory's {@link Stock}); the product as it is now. 404 when there is no such product; 409 when
     * orders hold more than the new quantity (both problems are inventory's, mapped by its advice).
     */
    @PutMapping("/api/catalog/products/{id}/stock")
    @Operation(operationId = "setStock", summary = "Set stock on hand",
            description = "Sets how many of the product are on hand. For administrators.")
    @ApiResponse(responseCode = "200", description = "The product as it is now")
    @ApiResponse(responseCode = "400", description = "The id is not a UUID (malformed-product-id), or the body "
            + "cannot be read")
    @ApiResponse(responseCode = "403", description = "The caller is not an administrator")
    @ApiResponse(responseCode = "404", description = "No such product (product-not-found)")
    @ApiResponse(responseCode = "409", description = "Orders hold more than the new quantity (stock-below-reserved, "
            + "with reserved)")
    Mono<ProductResponse> setStock(@PathVariable String id, @Valid @RequestBody SetStockRequest request) {
        UUID productId = productId(id);
        return stock.setOnHand(productId, request.quantity().intValue())
                .then(products.find(productId))
                .map(ProductResponse::of);
    }
}
