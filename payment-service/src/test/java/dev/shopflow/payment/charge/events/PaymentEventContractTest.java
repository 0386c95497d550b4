package dev.shopflow.payment.charge.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopflow.contracts.EventContracts;
import dev.shopflow.payment.money.Money;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * payment-service writes its events exactly as the contract's examples show them: each record's JSON, as the outbox
 * writes it, is its example field for field — its CloudEvents type travels in a header, never in the payload.
 */
class PaymentEventContractTest {

    private static final UUID EVENT = UUID.fromString("9c4f6a2e-1b3d-4e5f-8a7b-6c5d4e3f2a10");
    private static final Instant AT = Instant.parse("2026-11-21T09:30:00.123456Z");
    private static final UUID ORDER = UUID.fromString("5e8d2c4a-6b1f-4a3e-9d7c-2b4f6a8c0e12");
    private static final UUID PAYMENT = UUID.fromString("7b9e1c3d-2f4a-4b6c-8d0e-1a3c5e7f9b20");

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void writesEveryPaymentEventAsItsContractExample() {
        var succeeded = new PaymentEvent.PaymentSucceeded(EVENT, AT, ORDER, PAYMENT, new Money(3998, "EUR"));
        var failed = new PaymentEvent.PaymentFailed(EVENT, AT, ORDER, PAYMENT, "insufficient_funds",
                "Your card has insufficient funds.");
        var refunded = new PaymentEvent.PaymentRefunded(EVENT, AT, ORDER, PAYMENT, new Money(3998, "EUR"));

        for (PaymentEvent event : List.<PaymentEvent>of(succeeded, failed, refunded)) {
            String written = json.writeValueAsString(event);

            EventContracts.requireValid(event.type(), written);
            assertThat(json.readTree(written)).as(event.type())
                    .isEqualTo(json.readTree(EventContracts.example(event.type())));
        }
    }
}
