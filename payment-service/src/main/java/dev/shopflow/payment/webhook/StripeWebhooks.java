package dev.shopflow.payment.webhook;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.net.Webhook;
import dev.shopflow.payment.PaymentProperties;
import dev.shopflow.payment.charge.Payments;
import dev.shopflow.payment.charge.ProviderReport;
import dev.shopflow.payment.charge.ProviderReports;
import dev.shopflow.payment.webhook.WebhookReceipt.Outcome;
import dev.shopflow.payment.webhook.persistence.StripeEventRepository;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stripe's webhooks: {@code payment_intent.succeeded}, {@code payment_intent.payment_failed} and
 * {@code charge.refunded} bring the payment they are about in line with Stripe — for charges that Stripe confirms
 * later, answers that never reached this service (a time-out), and refunds made in Stripe's dashboard. Other event
 * types are acknowledged and ignored.
 *
 * <p>The fields used are read from the event's raw JSON, not from stripe-java's typed objects: those are only
 * available when the event's {@code api_version} is the library's own ({@code getDataObjectDeserializer().getObject()}
 * is empty otherwise), and the account's default version decides what Stripe sends. The handful of fields read here
 * are the same in every version, so one way of reading them serves every event.
 */
@Service
public class StripeWebhooks {

    private static final Logger log = LoggerFactory.getLogger(StripeWebhooks.class);

    private final PaymentProperties.Stripe settings;
    private final StripeEventRepository stripeEvents;
    private final ProviderReports providerReports;
    private final Payments payments;
    private final TransactionalOperator transactions;
    private final JsonMapper json;
    private final Clock clock;

    StripeWebhooks(PaymentProperties properties, StripeEventRepository stripeEvents, ProviderReports providerReports,
            Payments payments, TransactionalOperator transactions, JsonMapper json, Clock clock) {
        this.settings = properties.stripe();
        this.stripeEvents = stripeEvents;
        this.providerReports = providerReports;
        this.payments = payments;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Checks the event's signature, applies it once (the event id recorded in the same transaction as the change it
     * makes, with the payment events that change emits), then refunds the payment at once if it succeeded for an
     * order that is cancelled — on every delivery, so that a refund that failed is tried again when Stripe redelivers.
     *
     * @param payload   the request body exactly as received (the signature covers its bytes)
     * @param signature the {@code Stripe-Signature} header
     * @throws StripeWebhooksNotConfigured (as the error signal) when no signing secret is configured
     * @throws StripeSignatureRejected     when the signature is missing, wrong, or older than the tolerance
     * @throws StripeEventUnreadable       when the signed body is not a Stripe event
     * @throws dev.shopflow.payment.charge.RefundNotMade when the refund after a late success could not be made now
     */
    public Mono<WebhookReceipt> receive(String payload, String signature) {
        return Mono.fromCallable(() -> verified(payload, signature)).flatMap(event -> {
            Optional<ProviderReport> report = report(event, payload);
            if (report.isEmpty()) {
                return Mono.just(new WebhookReceipt(event.getId(), event.getType(), Outcome.IGNORED));
            }
            return transactions.transactional(stripeEvents.recordIfNew(event.getId(), event.getType(), clock.instant())
                            .flatMap(isNew -> isNew ? reconcile(report.get()) : Mono.just(Outcome.DUPLICATE)))
                    .flatMap(outcome -> refundIfCancelled(report.get()).thenReturn(
                            new WebhookReceipt(event.getId(), event.getType(), outcome)));
        });
    }

    private Event verified(String payload, String signature) {
        if (!settings.hasWebhookSecret()) {
            throw new StripeWebhooksNotConfigured();
        }
        if (signature == null || signature.isBlank()) {
            throw new StripeSignatureRejected("the header is missing");
        }
        if (payload == null || payload.isEmpty()) {
            throw new StripeSignatureRejected("the body is empty");
        }
        Event event;
        try {
            event = Webhook.constructEvent(payload, signature, settings.webhookSecret(),
                    settings.webhookTolerance().toSeconds(), clock);
        } catch (SignatureVerificationException rejected) {
            throw new StripeSignatureRejected(rejected.getMessage());
        } catch (RuntimeException unreadable) {
            throw new StripeEventUnreadable(unreadable.getMessage(), unreadable);
        }
        if (event == null || event.getId() == null || event.getType() == null) {
            throw new StripeEventUnreadable("an event has an id and a type", null);
        }
        return event;
    }

    private Mono<Outcome> reconcile(ProviderReport report) {
        return providerReports.reconcile(report).map(orderId -> Outcome.RECONCILED).defaultIfEmpty(Outcome.IGNORED);
    }

    private Mono<Void> refundIfCancelled(ProviderReport report) {
        return report instanceof ProviderReport.Succeeded && report.orderId() != null
                ? payments.refundIfCancelled(report.orderId())
                : Mono.empty();
    }

    /** What the event reports, for the types handled here; empty for any other type. */
    private Optional<ProviderReport> report(Event event, String payload) {
        return switch (event.getType()) {
            case "payment_intent.succeeded" -> {
                JsonNode intent = dataObject(event, payload);
                yield Optional.of(new ProviderReport.Succeeded(text(intent, "id"), orderId(intent)));
            }
            case "payment_intent.payment_failed" -> {
                JsonNode intent = dataObject(event, payload);
                JsonNode error = intent.path("last_payment_error");
                String declineCode = text(error, "decline_code") != null ? text(error, "decline_code") : text(error, "code");
                String reason = text(error, "message") != null ? text(error, "message") : "Stripe reported the payment failed.";
                yield Optional.of(new ProviderReport.Failed(text(intent, "id"), orderId(intent), declineCode, reason));
            }
            case "charge.refunded" -> {
                JsonNode charge = dataObject(event, payload);
                if (!charge.path("refunded").asBoolean(false)) {
                    log.info("Stripe event {}: charge {} was refunded in part; only whole refunds are recorded",
                            event.getId(), text(charge, "id"));
                    yield Optional.empty();
                }
                if (text(charge, "payment_intent") == null) {
                    throw new StripeEventUnreadable("charge " + text(charge, "id") + " names no payment_intent", null);
                }
                JsonNode firstRefund = charge.path("refunds").path("data").path(0);
                yield Optional.of(new ProviderReport.Refunded(text(charge, "payment_intent"), orderId(charge),
                        text(firstRefund, "id")));
            }
            default -> Optional.empty();
        };
    }

    /** The event's {@code data.object} (which has an id), read from the signed payload. */
    private JsonNode dataObject(Event event, String payload) {
        try {
            JsonNode object = json.readTree(payload).path("data").path("object");
            if (!object.isObject() || text(object, "id") == null) {
                throw new StripeEventUnreadable("event " + event.getId() + " has no data.object with an id", null);
            }
            return object;
        } catch (JacksonException unreadable) {
            throw new StripeEventUnreadable(unreadable.getOriginalMessage(), unreadable);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() && !value.asString().isBlank() ? value.asString() : null;
    }

    private static UUID orderId(JsonNode object) {
        String value = text(object.path("metadata"), "order_id");
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException notOurs) {
            return null;
        }
    }
}
