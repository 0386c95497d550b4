package dev.shopflow.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shopflow.platform.events.Event;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** How a consumer reads a received event into its record, and which events it refuses for good. */
class EventReaderTest {

    static final String SHIPPED = "shopflow.test.shipped.v1";
    static final String RETURNED = "shopflow.test.returned.v1";

    private final JsonMapper json = JsonMapper.builder().build();
    private final EventReader<ParcelEvent> reader = new EventReader<>(json,
            Map.of(SHIPPED, ParcelEvent.Shipped.class, RETURNED, ParcelEvent.Returned.class));

    sealed interface ParcelEvent extends Event {

        record Shipped(UUID eventId, Instant occurredAt, UUID parcelId, int weight) implements ParcelEvent {

            public Shipped {
                Objects.requireNonNull(parcelId, "parcelId");
            }
        }

        record Returned(UUID eventId, UUID parcelId) implements ParcelEvent {
        }
    }

    @Test
    void readsEachTypeAsItsRecord() {
        var shipped = new ParcelEvent.Shipped(UUID.randomUUID(), Instant.parse("2026-11-21T09:30:00.123456Z"),
                UUID.randomUUID(), 1200);
        var returned = new ParcelEvent.Returned(UUID.randomUUID(), UUID.randomUUID());

        assertThat(reader.read(received(shipped.eventId(), SHIPPED, json.writeValueAsString(shipped))))
                .contains(shipped);
        assertThat(reader.read(received(returned.eventId(), RETURNED, json.writeValueAsString(returned))))
                .contains(returned);
    }

    @Test
    void skipsATypeTheConsumerDoesNotRead() {
        assertThat(reader.read(received(UUID.randomUUID(), "shopflow.test.lost.v1", "not even JSON"))).isEmpty();
    }

    @Test
    void refusesAPayloadThatIsNotJson() {
        UUID id = UUID.randomUUID();

        assertThatThrownBy(() -> reader.read(received(id, SHIPPED, "{\"eventId\": \"" + id + "\", ")))
                .isInstanceOf(MalformedEvent.class).hasMessageContaining(SHIPPED).hasMessageContaining(id.toString());
    }

    @Test
    void refusesAPayloadTheRecordRejects() {
        UUID id = UUID.randomUUID();

        assertThatThrownBy(() -> reader.read(received(id, SHIPPED, "{\"eventId\": \"" + id + "\", \"weight\": 3}")))
                .as("no parcelId").isInstanceOf(MalformedEvent.class);
        assertThatThrownBy(() -> reader.read(received(id, SHIPPED, "{\"eventId\": \"" + id + "\", \"parcelId\": \""
                + UUID.randomUUID() + "\", \"weight\": \"heavy\"}")))
                .as("a weight that is no number").isInstanceOf(MalformedEvent.class);
    }

    @Test
    void refusesThePayloadOfAnotherEvent() {
        var shipped = new ParcelEvent.Shipped(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), 1);
        UUID recordId = UUID.randomUUID();

        assertThatThrownBy(() -> reader.read(received(recordId, SHIPPED, json.writeValueAsString(shipped))))
                .isInstanceOf(MalformedEvent.class)
                .hasMessageContaining(recordId.toString()).hasMessageContaining(shipped.eventId().toString());
    }

    @Test
    void refusesAPayloadWithoutAnEventId() {
        assertThatThrownBy(() -> reader.read(received(UUID.randomUUID(), RETURNED,
                "{\"parcelId\": \"" + UUID.randomUUID() + "\"}")))
                .isInstanceOf(MalformedEvent.class);
    }

    private static ReceivedEvent received(UUID id, String type, String payload) {
        return new ReceivedEvent(id, type, "/shopflow/test-service", "parcel", Instant.now(), payload);
    }
}
