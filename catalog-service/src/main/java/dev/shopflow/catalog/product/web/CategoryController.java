package dev.shopflow.catalog.product.web;

import dev.shopflow.catalog.CatalogProperties;
import dev.shopflow.catalog.product.Categories;
import dev.shopflow.catalog.product.Category;
import dev.shopflow.catalog.product.domain.CategorySlug;
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
import reactor.core.publisher.Mono;

@RestController
class CategoryController {

    private final Categories categories;
    private final CacheableReads reads;

    CategoryController(Categories categories, CatalogProperties properties) {
        this.categories = categories;
        this.reads = new CacheableReads(properties.cacheMaxAge());
    }

    record CategoryResponse(UUID id, String slug, String name, long productCount) {

        static CategoryResponse of(Category category) {
            return new CategoryResponse(category.id(), category.slug(), category.name(), category.productCount());
        }

        String fingerprint() {
            return id + ":" + slug + ":" + name + ":" + productCount;
        }
    }

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
    Mono<ResponseEntity<CategoryListResponse>> list() {
        return categories.list()
                .map(all -> all.stream().map(CategoryResponse::of).toList())
                .map(items -> reads.ok(new CategoryListResponse(items),
                        items.stream().map(CategoryResponse::fingerprint).collect(Collectors.joining(","))));
    }

    /** The category; 404 when no category has this slug. */
    @GetMapping("/api/catalog/categories/{slug}")
    Mono<ResponseEntity<CategoryResponse>> category(@PathVariable String slug) {
        return categories.find(slug).map(CategoryResponse::of).map(body -> reads.ok(body, body.fingerprint()));
    }

    /** 201 with the category and its {@code Location}; 409 when the slug is taken; 422 with field errors. */
    @PostMapping("/api/catalog/categories")
    Mono<ResponseEntity<CategoryResponse>> create(@Valid @RequestBody CreateCategoryRequest request) {
        return categories.create(request.slug(), request.name())
                .map(created -> ResponseEntity.created(URI.create("/api/catalog/categories/" + created.slug()))
                        .body(CategoryResponse.of(created)));
    }
}
