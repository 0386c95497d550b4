package dev.shopflow.payment.charge.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shopflow.contracts.EventContracts;
import dev.shopflow.payment.money.Money;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** payment-service reads the order events of the contract, as the contract's examples show them. */
class OrderEventContractTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void readsThePaymentRequestedExample() {
        var event = json.readValue(EventContracts.example(OrderEvent.PAYMENT_REQUESTED), OrderEvent.PaymentRequested.class);

        assertThat(event.eventId()).isEqualTo(UUID.fromString("9c4f6a2e-1b3d-4e5f-8a7b-6c5d4e3f2a10"));
        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-11-21T09:30:00.123456Z"));
        assertThat(event.orderId()).isEqualTo(UUID.fromString("5e8d2c4a-6b1f-4a3e-9d7c-2b4f6a8c0e12"));
        assertThat(event.userId()).isEqualTo(UUID.fromString("3f0c2a4e-8a51-4c55-9b1e-2d7f6c1e9a10"));
        assertThat(event.amount()).isEqualTo(new Money(3998, "EUR"));
        assertThat(event.paymentMethod()).isEqualTo("pm_card_visa");
    }

    @Test
    void readsTheOrderCancelledExample() {
        var event = json.readValue(EventContracts.example(OrderEvent.CANCELLED), OrderEvent.OrderCancelled.class);

        assertThat(event.orderId()).isEqualTo(UUID.fromString("5e8d2c4a-6b1f-4a3e-9d7c-2b4f6a8c0e12"));
        assertThat(event.reason()).isEqualTo("CUSTOMER_CANCELLED");
        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-11-21T09:30:00.123456Z"));
    }

    @Test
    void refusesEventsThatBreakTheContract() {
        String requested = EventContracts.example(OrderEvent.PAYMENT_REQUESTED);
        String cancelled = EventContracts.example(OrderEvent.CANCELLED);

        for (String broken : List.of(requested.replace("\"pm_card_visa\"", "\"" + "x".repeat(101) + "\""),
                requested.replace("\"pm_card_visa\"", "\"\""), requested.replace("3998", "-1"),
                requested.replace("\"EUR\"", "\"euro\""), requested.replaceFirst("\"userId\": \"[^\"]+\",", ""))) {
            assertThatThrownBy(() -> json.readValue(broken, OrderEvent.PaymentRequested.class))
                    .as(broken).isInstanceOf(JacksonException.class);
        }
        assertThatThrownBy(() -> json.readValue(cancelled.replace("CUSTOMER_CANCELLED", "x'); DROP TABLE payments; --"),
                OrderEvent.OrderCancelled.class)).isInstanceOf(JacksonException.class);
    }

    @Test
    void ignoresFieldsAContractMayAddLater() {
        String grown = EventContracts.example(OrderEvent.CANCELLED).replaceFirst("\\{", "{\"addedLater\": {\"x\": 1},");

        assertThat(json.readValue(grown, OrderEvent.OrderCancelled.class).reason()).isEqualTo("CUSTOMER_CANCELLED");
    }
}
