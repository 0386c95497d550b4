package dev.shopflow.catalog.product.web;

import dev.shopflow.catalog.CatalogProperties;
import dev.shopflow.catalog.product.Categories;
import dev.shopflow.catalog.product.Category;
import dev.shopflow.catalog.product.domain.CategorySlug;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

@RestController
@Tag(name = "Categories", description = "The categories products are listed in; anyone may read them")
class CategoryController {

    private final Categories categories;
    private final CacheableReads reads;

    CategoryController(Categories categories, CatalogProperties properties) {
        this.categories = categories;
        this.reads = new CacheableReads(properties.cacheMaxAge());
    }

    @Schema(name = "Category")
    record CategoryResponse(UUID id, String slug, String name, long productCount) {

        static CategoryResponse of(Category category) {
            return new CategoryResponse(category.id(), category.slug(), category.name(), category.productCount());
        }

        String fingerprint() {
            return id + ":" + slug + ":" + name + ":" + productCount;
        }
    }

    @Schema(name = "CategoryList")
    record CategoryListResponse(List<CategoryResponse> items) {
    }

    record CreateCategoryRequest(
            @NotBlank @Size(max = CategorySlug.MAX_LENGTH) @Pattern(regexp = CategorySlug.PATTERN, message = CategorySlug.RULE)
            String slug,
            @NotBlank @Size(max = 100) @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters")
            String name) {

        CreateCategoryRequest {
            slug = slug == null ? null : slug.strip();
            name = name == null ? null : name.strip();
        }
    }

    /** Every category by name, with its product count. ETag and caching as for products. */
    @GetMapping("/api/catalog/categories")
    @Operation(operationId = "listCategories", summary = "Every category",
            description = "Every category by name, with its product count. With an ETag and a short Cache-Control; "
                    + "a matching If-None-Match gets 304.")
    @SecurityRequirements
    @ApiResponse(responseCode = "200", description = "The categories")
    @ApiResponse(responseCode = "304", description = "Not modified since the ETag in If-None-Match")
    Mono<ResponseEntity<CategoryListResponse>> list(ServerWebExchange exchange) {
        return categories.list()
                .map(all -> all.stream().map(CategoryResponse::of).toList())
                .map(items -> reads.ok(exchange, new CategoryListResponse(items),
                        items.stream().map(CategoryResponse::fingerprint).collect(Collectors.joining(","))));
    }

    /** The category; 404 when no category has this slug. */
    @GetMapping("/api/catalog/categories/{slug}")
    @Operation(operationId = "getCategory", summary = "A category", description = "The category with this slug. "
            + "ETag and caching as for the list.")
    @SecurityRequirements
    @ApiResponse(responseCode = "200", description = "The category")
    @ApiResponse(responseCode = "304", description = "Not modified since the ETag in If-None-Match")
    @ApiResponse(responseCode = "404", description = "No category has this slug (category-not-found)")
    Mono<ResponseEntity<CategoryResponse>> category(@PathVariable String slug, ServerWebExchange exchange) {
        return categories.find(slug).map(CategoryResponse::of)
                .map(body -> reads.ok(exchange, body, body.fingerprint()));
    }

    /** 201 with the category and its {@code Location}; 409 when the slug is taken; 422 with field errors. */
    @PostMapping("/api/catalog/categories")
    @Operation(operationId = "createCategory", summary = "Create a category", description = "For administrators.")
    @ApiResponse(responseCode = "201", description = "The category", headers = @Header(name = "Location",
            description = "The category's address", schema = @Schema(type = "string", format = "uri-reference")))
    @ApiResponse(responseCode = "403", description = "The caller is not an administrator")
    @ApiResponse(responseCode = "409", description = "The slug is taken (category-already-exists)")
    Mono<ResponseEntity<CategoryResponse>> create(@Valid @RequestBody CreateCategoryRequest request) {
        return categories.create(request.slug(), request.name())
                .map(created -> ResponseEntity.created(URI.create("/api/catalog/categories/" + created.slug()))
                        .body(CategoryResponse.of(created)));
    }
}
