package dev.shopflow.payment.provider.stripe;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.ApiException;
import com.stripe.exception.CardException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.model.StripeError;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.RefundCreateParams;
import dev.shopflow.payment.PaymentProperties;
import dev.shopflow.payment.provider.ChargeOutcome;
import dev.shopflow.payment.provider.ChargeRequest;
import dev.shopflow.payment.provider.PaymentGateway;
import dev.shopflow.payment.provider.ProviderTrouble;
import dev.shopflow.payment.provider.RefundOutcome;
import dev.shopflow.payment.provider.RefundRequest;
import java.util.Locale;
import java.util.concurrent.Callable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Charges with a Stripe PaymentIntent, created and confirmed in one call ({@code POST /v1/payment_intents} with
 * amount, currency, payment method, {@code confirm=true}, {@code payment_method_types[]=card} and
 * {@code metadata[order_id]}), and refunds with {@code POST /v1/refunds}; both with the request's
 * {@code Idempotency-Key}.
 *
 * <p>Stripe's client blocks, so every call runs on this adapter's own bounded pool of threads, never on the event loop.
 * The client's own network retries are off: retrying is the resilient gateway's job, with one policy.
 *
 * <p>Stripe's answers map to outcomes: {@code succeeded} is charged; {@code processing} awaits a webhook; a card error
 * (402) and an invalid request (an unknown payment method: 400/404 {@code resource_missing}) are declines, never
 * retried; {@code requires_action} (3-D Secure, which a charge without the customer cannot complete) is a decline
 * with {@code authentication_required}. A 429, a 5xx, a 409 and a network failure are retryable
 * {@link ProviderTrouble}; a refused API key is trouble that retrying will not fix.
 */
public class StripePaymentGateway implements PaymentGateway, AutoCloseable {

    private final StripeClient stripe;
    private final Scheduler calls;

    public StripePaymentGateway(StripeClient stripe, Scheduler calls) {
        this.stripe = stripe;
        this.calls = calls;
    }

    /**
     * A gateway with a client for the configured API base and key.
     *
     * @throws IllegalStateException when no API key is configured
     */
    public static StripePaymentGateway connect(PaymentProperties.Stripe settings) {
        if (!settings.hasApiKey()) {
            throw new IllegalStateException("shopflow.payments.provider=stripe needs a Stripe secret key: set "
                    + "STRIPE_API_KEY (sk_test_… for test mode; any value for stripe-mock)");
        }
        var client = StripeClient.builder()
                .setApiKey(settings.apiKey())
                .setApiBase(settings.apiBase())
                .setConnectTimeout((int) settings.connectTimeout().toMillis())
                .setReadTimeout((int) settings.readTimeout().toMillis())
                .setMaxNetworkRetries(0)
                .build();
        return new StripePaymentGateway(client,
                Schedulers.newBoundedElastic(settings.callThreads(), 10_000, "stripe-calls"));
    }

    @Override
    public String name() {
        return "stripe";
    }

    @Override
    public Mono<ChargeOutcome> charge(ChargeRequest request) {
        var params = PaymentIntentCreateParams.builder()
                .setAmount(request.amount())
                .setCurrency(request.currency().toLowerCase(Locale.ROOT))
                .setPaymentMethod(request.paymentMethod())
                .addPaymentMethodType("card")
                .setConfirm(true)
                .putMetadata("order_id", request.orderId().toString())
                .build();
        return call(() -> stripe.v1().paymentIntents().create(params, idempotent(request.idempotencyKey())))
                .map(StripePaymentGateway::outcome)
                .onErrorResume(StripeException.class, error -> declineOrTrouble(error));
    }

    @Override
    public Mono<RefundOutcome> refund(RefundRequest request) {
        var params = RefundCreateParams.builder()
                .setPaymentIntent(request.providerPaymentId())
                .setAmount(request.amount())
                .putMetadata("order_id", request.orderId().toString())
                .build();
        return call(() -> stripe.v1().refunds().create(params, idempotent(request.idempotencyKey())))
                .map(StripePaymentGateway::outcome)
                .onErrorResume(StripeException.class, error -> rejectionOrTrouble(error));
    }

    private <T> Mono<T> call(Callable<T> blocking) {
        return Mono.fromCallable(blocking).subscribeOn(calls);
    }

    private static RequestOptions idempotent(String key) {
        return RequestOptions.builder().setIdempotencyKey(key).build();
    }

    static ChargeOutcome outcome(PaymentIntent intent) {
        return switch (intent.getStatus()) {
            case "succeeded" -> new ChargeOutcome.Charged(intent.getId());
            case "requires_action" -> new ChargeOutcome.Declined(intent.getId(), "authentication_required",
                    "The card needs the customer to authenticate the payment (3-D Secure), which a charge made "
                            + "without the customer cannot do.");
            case "requires_payment_method" -> lastError(intent);
            case "canceled" -> new ChargeOutcome.Declined(intent.getId(), "canceled", "The payment was cancelled.");
            default -> new ChargeOutcome.AwaitingConfirmation(intent.getId());
        };
    }

    private static ChargeOutcome lastError(PaymentIntent intent) {
        StripeError error = intent.getLastPaymentError();
        return error == null
                ? new ChargeOutcome.Declined(intent.getId(), "generic_decline", "Your card was declined.")
                : new ChargeOutcome.Declined(intent.getId(), declineCode(error), error.getMessage());
    }

    private static RefundOutcome outcome(Refund refund) {
        return switch (refund.getStatus()) {
            case "failed", "canceled" -> new RefundOutcome.Rejected("Stripe " + refund.getStatus() + " refund "
                    + refund.getId() + (refund.getFailureReason() == null ? "" : ": " + refund.getFailureReason()));
            default -> new RefundOutcome.Refunded(refund.getId());
        };
    }

    private static Mono<ChargeOutcome> declineOrTrouble(StripeException error) {
        if (error instanceof CardException || error instanceof InvalidRequestException) {
            StripeError details = error.getStripeError();
            String intent = details == null || details.getPaymentIntent() == null ? null : details.getPaymentIntent().getId();
            return Mono.just(new ChargeOutcome.Declined(intent, declineCode(details, error), message(details, error)));
        }
        return Mono.error(trouble(error));
    }

    private static Mono<RefundOutcome> rejectionOrTrouble(StripeException error) {
        if ("charge_already_refunded".equals(error.getCode())) {
            return Mono.just(new RefundOutcome.Refunded(null));
        }
        if (error instanceof InvalidRequestException || error instanceof CardException) {
            return Mono.just(new RefundOutcome.Rejected(message(error.getStripeError(), error)));
        }
        return Mono.error(trouble(error));
    }

    private static ProviderTrouble trouble(StripeException error) {
        String status = error.getStatusCode() == null ? "" : " (HTTP " + error.getStatusCode() + ")";
        return switch (error) {
            case RateLimitException limited -> new ProviderTrouble("Stripe is limiting our requests" + status, true, error);
            case ApiConnectionException unreachable -> new ProviderTrouble("Stripe could not be reached: "
                    + unreachable.getMessage(), true, error);
            case ApiException failed -> new ProviderTrouble("Stripe failed" + status + ": " + failed.getMessage(), true, error);
            default -> new ProviderTrouble("Stripe refused the request" + status + ": " + error.getMessage(), false, error);
        };
    }

    private static String declineCode(StripeError error) {
        return error.getDeclineCode() != null ? error.getDeclineCode() : error.getCode();
    }

    private static String declineCode(StripeError details, StripeException error) {
        if (details != null && declineCode(details) != null) {
            return declineCode(details);
        }
        return error.getCode() != null ? error.getCode() : "card_declined";
    }

    private static String message(StripeError details, StripeException error) {
        return details != null && details.getMessage() != null ? details.getMessage() : error.getMessage();
    }

    @Override
    public void close() {
        calls.dispose();
    }
}
