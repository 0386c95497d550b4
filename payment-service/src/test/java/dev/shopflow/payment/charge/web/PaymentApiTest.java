package dev.shopflow.payment.charge.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopflow.payment.PaymentServiceTest;
import dev.shopflow.platform.testsupport.TestTokens;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** {@code GET /api/payments?orderId=}: to the order's customer and administrators; 404 to anyone else. */
class PaymentApiTest extends PaymentServiceTest {

    UUID orderId;
    UUID owner;

    @BeforeEach
    void chargeAnOrder() {
        orderId = UUID.randomUUID();
        owner = UUID.randomUUID();
        stripe.answerChargeWith(orderId, "succeeded");
        requestPayment(orderId, owner, 1250, "pm_card_visa");
        awaitPaymentEvent(orderId, "shopflow.payment.succeeded.v1");
    }

    @Test
    void showsTheOrdersPaymentToItsCustomer() {
        paymentsOf(orderId, TestTokens.customer(owner)).expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.items[0].orderId").isEqualTo(orderId.toString())
                .jsonPath("$.items[0].status").isEqualTo("SUCCEEDED")
                .jsonPath("$.items[0].amount.amount").isEqualTo(1250)
                .jsonPath("$.items[0].userId").doesNotExist()
                .jsonPath("$.items[0].paymentMethod").doesNotExist();
    }

    @Test
    void showsTheOrdersPaymentToAnAdministrator() {
        paymentsOf(orderId, TestTokens.admin()).expectStatus().isOk().expectBody()
                .jsonPath("$.items[0].orderId").isEqualTo(orderId.toString());
    }

    @Test
    void answersAnotherCustomerAsIfTheOrderHadNoPayment() {
        var stranger = paymentsOf(orderId, TestTokens.customer()).expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class).returnResult().getResponseBody();
        paymentsOf(UUID.randomUUID(), TestTokens.customer(owner)).expectStatus().isNotFound()
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://shopflow.dev/problems/payment-not-found")
                .jsonPath("$.status").isEqualTo(404);
        assertThat(stranger).doesNotContain("SUCCEEDED").doesNotContain(owner.toString());
    }

    @Test
    void refusesAMissingOrInvalidOrderIdWithA400Problem() {
        web.get().uri("/api/payments").headers(headers -> headers.setBearerAuth(TestTokens.customer(owner))).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(detail ->
                        assertThat((String) detail).contains("orderId"));
        web.get().uri("/api/payments?orderId=not-a-uuid").headers(headers -> headers.setBearerAuth(TestTokens.customer(owner)))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.trace").doesNotExist();
    }

    @Test
    void refusesACallerWithoutAccessToken() {
        web.get().uri("/api/payments?orderId={id}", orderId).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
