package dev.shopflow.catalog.product.web;

import dev.shopflow.catalog.product.CategoryAlreadyExists;
import dev.shopflow.catalog.product.CategoryNotFound;
import dev.shopflow.catalog.product.ProductNotFound;
import dev.shopflow.catalog.product.SkuAlreadyInUse;
import dev.shopflow.catalog.product.StaleProductVersion;
import dev.shopflow.catalog.product.domain.RulesBroken;
import dev.shopflow.platform.web.FieldErrors;
import dev.shopflow.platform.web.ProblemResponses;
import java.util.Comparator;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Product and category errors as problem details, each with a type of its own (stock's: {@code StockProblems}). */
@RestControllerAdvice(assignableTypes = {ProductController.class, CategoryController.class})
class ProductProblems {

    @ExceptionHandler
    ProblemDetail productNotFound(ProductNotFound error) {
        return ProblemResponses.typed(HttpStatus.NOT_FOUND, "product-not-found", "Product not found", error.getMessage());
    }

    @ExceptionHandler
    ProblemDetail malformedId(MalformedProductId error) {
        return ProblemResponses.typed(HttpStatus.BAD_REQUEST, "malformed-product-id", "Malformed product id",
                error.getMessage());
    }

    @ExceptionHandler
    ProblemDetail categoryNotFound(CategoryNotFound error) {
        return ProblemResponses.typed(HttpStatus.NOT_FOUND, "category-not-found", "Category not found", error.getMessage());
    }

    @ExceptionHandler
    ProblemDetail skuInUse(SkuAlreadyInUse error) {
        return ProblemResponses.typed(HttpStatus.CONFLICT, "sku-already-in-use", "SKU already in use", error.getMessage());
    }

    @ExceptionHandler
    ProblemDetail categoryExists(CategoryAlreadyExists error) {
        return ProblemResponses.typed(HttpStatus.CONFLICT, "category-already-exists", "Category already exists",
                error.getMessage());
    }

    @ExceptionHandler
    ProblemDetail staleVersion(StaleProductVersion error) {
        var problem = ProblemResponses.typed(HttpStatus.CONFLICT, "stale-product-version",
                "Product changed meanwhile", error.getMessage());
        problem.setProperty("currentVersion", error.currentVersion());
        return problem;
    }

    /** {@code InvalidProduct}, {@code InvalidProductQuery}: a 422 naming every field. */
    @ExceptionHandler
    ProblemDetail rulesBroken(RulesBroken error) {
        return FieldErrors.problem(error.violations().stream()
                .map(violation -> new FieldErrors.FieldError(violation.field(), violation.message()))
                .sorted(Comparator.comparing(FieldErrors.FieldError::field))
                .toList());
    }
}
