package dev.shopflow.payment.webhook.web;

import dev.shopflow.payment.webhook.StripeWebhooks;
import dev.shopflow.payment.webhook.WebhookReceipt;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@Tag(name = "Stripe webhooks", description = "Events Stripe sends about payments")
class StripeWebhookController {

    private final StripeWebhooks webhooks;

    StripeWebhookController(StripeWebhooks webhooks) {
        this.webhooks = webhooks;
    }

    /**
     * 200 with the receipt (reconciled, duplicate or ignored); 400 when the signature is missing, wrong or stale, or
     * the body is not a Stripe event; 503 when no signing secret is configured, or a refund it leads to could not be
     * made yet (Stripe delivers the event again later).
     */
    @PostMapping("/webhooks/stripe")
    @Operation(operationId = "receiveStripeEvent", summary = "Receive a Stripe event",
            description = "Stripe's webhook: reconciles the payment the event is about. Proven by its "
                    + "Stripe-Signature rather than an access token.")
    @SecurityRequirements
    @ApiResponse(responseCode = "200", description = "What became of the event: reconciled, duplicate or ignored")
    @ApiResponse(responseCode = "400", description = "The signature is missing, wrong or stale "
            + "(invalid-stripe-signature), or the body is not a Stripe event (invalid-stripe-event)")
    @ApiResponse(responseCode = "503", description = "No signing secret is configured "
            + "(stripe-webhooks-not-configured), or a refund the event leads to could not be made yet "
            + "(refund-not-made): Stripe delivers the event again later")
    Mono<WebhookReceipt> receive(
            @Parameter(description = "Stripe's signature of the body: t=<time>,v1=<HMAC-SHA256>")
            @RequestHeader(name = "Stripe-Signature", required = false) String signature,
            @RequestBody(required = false) String payload) {
        return webhooks.receive(payload, signature);
    }
}
