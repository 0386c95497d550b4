package dev.shopflow.payment;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A fake Stripe API over HTTP (WireMock on a random loopback port) that answers as Stripe does, order by order: each
 * stub matches the {@code metadata[order_id]} of the request, so tests that share the server do not see each other's
 * answers. Also signs webhook payloads as Stripe does.
 */
public final class StripeFake {

    public static final String API_KEY = "sk_test_shopflow_fake";
    public static final String WEBHOOK_SECRET = "whsec_shopflow_fake_secret";

    private final WireMockServer server;

    private StripeFake(WireMockServer server) {
        this.server = server;
    }

    public static StripeFake start() {
        var server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().containerThreads(20));
        server.start();
        return new StripeFake(server);
    }

    public String apiBase() {
        return "http://127.0.0.1:" + server.port();
    }

    public void stop() {
        server.stop();
    }

    /** Stripe answers a charge of this order with a PaymentIntent in {@code status} ({@code succeeded}, {@code processing}, ...). */
    public String answerChargeWith(UUID orderId, String status) {
        String intent = "pi_" + compact(orderId);
        stubCharge(orderId, json(200, paymentIntent(intent, orderId, status)));
        return intent;
    }

    /** Stripe declines the card: HTTP 402, a {@code card_error} with a decline code and the PaymentIntent it made. */
    public String declineCharge(UUID orderId, String code, String declineCode, String message) {
        String intent = "pi_" + compact(orderId);
        stubCharge(orderId, json(402, """
                {"error": {"type": "card_error", "code": "%s", "decline_code": %s, "message": "%s",
                  "payment_intent": %s}}""".formatted(code, declineCode == null ? "null" : "\"" + declineCode + "\"",
                message, paymentIntent(intent, orderId, "requires_payment_method"))));
        return intent;
    }

    /** Stripe answers a charge of this order with an error of its own, such as a 400, 429 or 500. */
    public void failCharge(UUID orderId, int status, String type, String code, String message) {
        stubCharge(orderId, json(status, error(type, code, message)));
    }

    /** Stripe takes {@code millis} to answer a charge of this order (it does succeed, in the end). */
    public void delayCharge(UUID orderId, int millis) {
        stubCharge(orderId, json(200, paymentIntent("pi_" + compact(orderId), orderId, "succeeded")).withFixedDelay(millis));
    }

    /** The first charge request of this order gets {@code firstStatus} (with an error body), later ones succeed. */
    public String failFirstChargeThenSucceed(UUID orderId, int firstStatus) {
        String intent = "pi_" + compact(orderId);
        String scenario = "charge-" + orderId;
        server.stubFor(post(urlEqualTo("/v1/payment_intents")).withFormParam("metadata[order_id]", equalTo(orderId.toString()))
                .inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(firstStatus, error("api_error", null, "Something went wrong on Stripe's end.")))
                .willSetStateTo("recovered"));
        server.stubFor(post(urlEqualTo("/v1/payment_intents")).withFormParam("metadata[order_id]", equalTo(orderId.toString()))
                .inScenario(scenario).whenScenarioStateIs("recovered")
                .willReturn(json(200, paymentIntent(intent, orderId, "succeeded"))));
        return intent;
    }

    /** Stripe refunds this order's charge. */
    public String answerRefund(UUID orderId) {
        String refund = "re_" + compact(orderId);
        server.stubFor(post(urlEqualTo("/v1/refunds")).withFormParam("metadata[order_id]", equalTo(orderId.toString()))
                .willReturn(json(200, """
                        {"id": "%s", "object": "refund", "status": "succeeded", "payment_intent": "pi_%s"}"""
                        .formatted(refund, compact(orderId)))));
        return refund;
    }

    /** Stripe answers a refund of this order with an error of its own. */
    public void failRefund(UUID orderId, int status, String type, String code, String message) {
        server.stubFor(post(urlEqualTo("/v1/refunds")).withFormParam("metadata[order_id]", equalTo(orderId.toString()))
                .willReturn(json(status, error(type, code, message))));
    }

    public List<LoggedRequest> chargeRequests(UUID orderId) {
        return server.findAll(chargesOf(orderId));
    }

    public List<LoggedRequest> refundRequests(UUID orderId) {
        return server.findAll(postRequestedFor(urlEqualTo("/v1/refunds"))
                .withFormParam("metadata[order_id]", equalTo(orderId.toString())));
    }

    public RequestPatternBuilder chargesOf(UUID orderId) {
        return postRequestedFor(urlEqualTo("/v1/payment_intents"))
                .withFormParam("metadata[order_id]", equalTo(orderId.toString()));
    }

    public void verify(int count, RequestPatternBuilder requests) {
        server.verify(count, requests);
    }

    /** The {@code Stripe-Signature} header Stripe would send for this payload at {@code timestamp} (epoch seconds). */
    public static String signature(String payload, String secret, long timestamp) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] signed = mac.doFinal((timestamp + "." + payload).getBytes(StandardCharsets.UTF_8));
            return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(signed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String paymentIntent(String id, UUID orderId, String status) {
        return """
                {"id": "%s", "object": "payment_intent", "status": "%s", "amount": 1999, "currency": "eur",
                 "metadata": {"order_id": "%s"}}""".formatted(id, status, orderId);
    }

    private void stubCharge(UUID orderId, ResponseDefinitionBuilder answer) {
        server.stubFor(post(urlEqualTo("/v1/payment_intents"))
                .withFormParam("metadata[order_id]", equalTo(orderId.toString()))
                .willReturn(answer));
    }

    private static String error(String type, String code, String message) {
        return """
                {"error": {"type": "%s", "code": %s, "message": "%s"}}"""
                .formatted(type, code == null ? "null" : "\"" + code + "\"", message);
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withHeader("Request-Id", "req_fake").withBody(body);
    }

    private static String compact(UUID id) {
        return id.toString().replace("-", "");
    }
}
