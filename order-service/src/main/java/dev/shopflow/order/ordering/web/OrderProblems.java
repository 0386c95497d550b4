package dev.shopflow.order.ordering.web;

import dev.shopflow.order.ordering.CartIsEmpty;
import dev.shopflow.order.ordering.IdempotencyKeyReused;
import dev.shopflow.order.money.Money;
import dev.shopflow.order.ordering.OrderNotFound;
import dev.shopflow.order.ordering.PricesChanged;
import dev.shopflow.order.ordering.TooManyOrderStreams;
import dev.shopflow.order.ordering.UnknownProducts;
import dev.shopflow.order.ordering.domain.InvalidOrder;
import dev.shopflow.order.ordering.domain.OrderCannotBeCancelled;
import dev.shopflow.platform.web.FieldErrors;
import dev.shopflow.platform.web.ProblemResponses;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Order errors as problem details. */
@RestControllerAdvice(assignableTypes = OrderController.class)
class OrderProblems {

    /**
     * When to try again after too many streams: a slot frees when one of the caller's streams ends, which the server
     * cannot foresee; a few seconds keeps a retrying client from hammering without making it wait long.
     */
    static final Duration STREAM_RETRY_AFTER = Duration.ofSeconds(5);

    /** Also the answer to a stream request, whose {@code text/event-stream} would otherwise wrap the problem. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> notFound(OrderNotFound error) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemResponses.typed(HttpStatus.NOT_FOUND, "order-not-found", "Order not found",
                        error.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> tooManyStreams(TooManyOrderStreams error) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(STREAM_RETRY_AFTER.toSeconds()))
                .body(ProblemResponses.typed(HttpStatus.TOO_MANY_REQUESTS, "too-many-order-streams",
                        "Too many order streams", error.getMessage()));
    }

    @ExceptionHandler
    ProblemDetail cannotBeCancelled(OrderCannotBeCancelled error) {
        return ProblemResponses.typed(HttpStatus.CONFLICT, "order-cannot-be-cancelled", "Order cannot be cancelled",
                error.getMessage());
    }

    @ExceptionHandler
    ProblemDetail cartIsEmpty(CartIsEmpty error) {
        return ProblemResponses.typed(HttpStatus.UNPROCESSABLE_CONTENT, "cart-is-empty", "Cart is empty",
                error.getMessage());
    }

    /**
     * 409 with an extension member {@code priceChanges}: {@code [{"productId", "oldUnitPrice", "newUnitPrice"}]}, one
     * per line whose price changed. The cart already holds the new prices; checking out again buys at them.
     */
    @ExceptionHandler
    ProblemDetail pricesChanged(PricesChanged error) {
        var problem = ProblemResponses.typed(HttpStatus.CONFLICT, "prices-changed", "Prices changed",
                error.getMessage());
        problem.setProperty("priceChanges", error.changes().stream()
                .map(change -> new PriceChangeResponse(change.productId(), change.oldUnitPrice(),
                        change.newUnitPrice()))
                .toList());
        return problem;
    }

    /** A cart line's unit price before and after it was moved to catalog's current price. */
    record PriceChangeResponse(UUID productId, Money oldUnitPrice, Money newUnitPrice) {
    }

    @ExceptionHandler
    ProblemDetail keyReused(IdempotencyKeyReused error) {
        return ProblemResponses.typed(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused",
                "Idempotency key reused", error.getMessage());
    }

    @ExceptionHandler
    ProblemDetail unknownProducts(UnknownProducts error) {
        return FieldErrors.problem(error.itemIndexes().stream()
                .map(index -> new FieldErrors.FieldError("items[" + index + "].productId",
                        "There is no such product in the catalog."))
                .toList());
    }

    @ExceptionHandler
    ProblemDetail invalidOrder(InvalidOrder error) {
        return FieldErrors.problem(List.of(new FieldErrors.FieldError(error.field(), error.getMessage())));
    }

    @ExceptionHandler
    ProblemDetail invalidRequest(InvalidRequest error) {
        return FieldErrors.problem(error.errors());
    }
}
