package dev.shopflow.order.cart.web;

import dev.shopflow.order.cart.domain.CartChangeRefused;
import dev.shopflow.order.cart.domain.ProductNotInCart;
import dev.shopflow.order.catalog.ProductNotFound;
import dev.shopflow.platform.web.FieldErrors;
import dev.shopflow.platform.web.ProblemResponses;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Cart errors as problem details. */
@RestControllerAdvice(assignableTypes = CartController.class)
class CartProblems {

    @ExceptionHandler
    ProblemDetail unknownProduct(ProductNotFound error) {
        return FieldErrors.problem(List.of(new FieldErrors.FieldError("productId",
                "There is no such product in the catalog.")));
    }

    @ExceptionHandler
    ProblemDetail refused(CartChangeRefused error) {
        return FieldErrors.problem(List.of(new FieldErrors.FieldError(error.field(), error.getMessage())));
    }

    @ExceptionHandler
    ProblemDetail notInCart(ProductNotInCart error) {
        return ProblemResponses.typed(HttpStatus.NOT_FOUND, "product-not-in-cart", "Product not in cart",
                error.getMessage());
    }
}
