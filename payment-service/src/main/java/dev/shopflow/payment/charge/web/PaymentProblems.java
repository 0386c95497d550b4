package dev.shopflow.payment.charge.web;

import dev.shopflow.payment.charge.PaymentNotFound;
import dev.shopflow.platform.web.ProblemResponses;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Payment errors as problem details. */
@RestControllerAdvice(assignableTypes = PaymentController.class)
class PaymentProblems {

    @ExceptionHandler
    ProblemDetail notFound(PaymentNotFound error) {
        return ProblemResponses.typed(HttpStatus.NOT_FOUND, "payment-not-found", "Payment not found", error.getMessage());
    }
}
