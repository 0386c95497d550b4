package dev.shopflow.payment.webhook.web;

import dev.shopflow.payment.webhook.StripeWebhooks;
import dev.shopflow.payment.webhook.WebhookReceipt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
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
    Mono<WebhookReceipt> receive(@RequestHeader(name = "Stripe-Signature", required = false) String signature,
            @RequestBody(required = false) String payload) {
        return webhooks.receive(payload, signature);
    }
}
