package dev.shopflow.payment.webhook.web;

import dev.shopflow.payment.charge.RefundNotMade;
import dev.shopflow.payment.webhook.StripeEventUnreadable;
import dev.shopflow.payment.webhook.StripeSignatureRejected;
import dev.shopflow.payment.webhook.StripeWebhooksNotConfigured;
import dev.shopflow.platform.web.ProblemResponses;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Webhook errors as problem details. A 4xx tells Stripe not to retry; a 5xx asks it to deliver the event again. */
@RestControllerAdvice(assignableTypes = StripeWebhookController.class)
class StripeWebhookProblems {

    @ExceptionHandler
    ProblemDetail signatureRejected(StripeSignatureRejected error) {
        return ProblemResponses.typed(HttpStatus.BAD_REQUEST, "invalid-stripe-signature", "Invalid Stripe signature",
                error.getMessage());
    }

    @ExceptionHandler
    ProblemDetail unreadable(StripeEventUnreadable error) {
        return ProblemResponses.typed(HttpStatus.BAD_REQUEST, "invalid-stripe-event", "Invalid Stripe event",
                error.getMessage());
    }

    @ExceptionHandler
    ProblemDetail notConfigured(StripeWebhooksNotConfigured error) {
        return ProblemResponses.typed(HttpStatus.SERVICE_UNAVAILABLE, "stripe-webhooks-not-configured",
                "Stripe webhooks not configured", error.getMessage());
    }

    @ExceptionHandler
    ProblemDetail refundNotMade(RefundNotMade error) {
        return ProblemResponses.typed(HttpStatus.SERVICE_UNAVAILABLE, "refund-not-made", "Refund not made yet",
                error.getMessage());
    }
}
