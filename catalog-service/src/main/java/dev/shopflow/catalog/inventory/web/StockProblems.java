package dev.shopflow.catalog.inventory.web;

import dev.shopflow.catalog.inventory.StockNotFound;
import dev.shopflow.catalog.inventory.domain.StockBelowReserved;
import dev.shopflow.platform.web.ProblemResponses;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Stock errors as problem details, for whichever catalog endpoint sets stock (today the product's
 * {@code PUT /api/catalog/products/{id}/stock}).
 */
@RestControllerAdvice(basePackages = "dev.shopflow.catalog")
class StockProblems {

    /** To the client it is the product that is missing: the same problem as any other request for it. */
    @ExceptionHandler
    ProblemDetail stockNotFound(StockNotFound error) {
        return ProblemResponses.typed(HttpStatus.NOT_FOUND, "product-not-found", "Product not found",
                error.getMessage());
    }

    @ExceptionHandler
    ProblemDetail stockBelowReserved(StockBelowReserved error) {
        var problem = ProblemResponses.typed(HttpStatus.CONFLICT, "stock-below-reserved",
                "Stock below what orders hold", error.getMessage());
        problem.setProperty("reserved", error.reserved());
        return problem;
    }
}
