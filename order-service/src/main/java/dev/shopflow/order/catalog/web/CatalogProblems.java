package dev.shopflow.order.catalog.web;

import dev.shopflow.order.catalog.CatalogUnavailable;
import dev.shopflow.platform.web.ProblemResponses;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Any endpoint that needs catalog (adding to the cart, checking out) answers 503 while catalog cannot be reached. */
@RestControllerAdvice
class CatalogProblems {

    @ExceptionHandler
    ProblemDetail catalogUnavailable(CatalogUnavailable error) {
        return ProblemResponses.typed(HttpStatus.SERVICE_UNAVAILABLE, "catalog-unavailable", "Catalog unavailable",
                error.getMessage());
    }
}
