package dev.shopflow.order.ordering;

import static dev.shopflow.order.ordering.CheckoutTest.auth;
import static dev.shopflow.order.ordering.CheckoutTest.buyNow;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.jayway.jsonpath.JsonPath;
import dev.shopflow.order.FakeCatalog;
import dev.shopflow.order.OrderServiceTest;
import dev.shopflow.order.ordering.events.InventoryEvent;
import dev.shopflow.platform.kafka.ReceivedEvent;
import dev.shopflow.platform.testsupport.TestTokens;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/** What the saga says, and does, with an event about an order it has and about one it does not have. */
class UnknownOrderEventsTest extends OrderServiceTest {

    private static final String RESERVED = "shopflow.inventory.stock-reserved.v1";

    @Autowired
    private OrderSaga saga;

    @Autowired
    private WebTestClient web;

    @Autowired
    private DatabaseClient database;

    private final Logger sagaLog = (Logger) LoggerFactory.getLogger(OrderSaga.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void captureTheSagasLog() {
        logged.start();
        sagaLog.addAppender(logged);
    }

    @AfterEach
    void releaseTheSagasLog() {
        sagaLog.detachAppender(logged);
    }

    @Test
    void appliesAnEventAboutAKnownOrderWithoutWarning() {
        UUID order = place();
        UUID eventId = UUID.randomUUID();

        assertThat(saga.apply(reserved(eventId, order), received(eventId, order)).block()).isTrue();

        assertThat(status(order)).isEqualTo("AWAITING_PAYMENT");
        assertThat(warningsAbout(order)).isEmpty();
    }

    @Test
    void warnsOnceAndChangesNothingForAnEventAboutAnUnknownOrder() {
        UUID order = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();

        assertThat(saga.apply(reserved(eventId, order), received(eventId, order)).block()).isTrue();

        assertThat(warningsAbout(order)).singleElement().asString().contains(eventId.toString())
                .contains("does not know");
        assertThat(count("SELECT count(*) AS n FROM orders WHERE id = :id", order)).isZero();
        assertThat(count("SELECT count(*) AS n FROM order_timeline WHERE order_id = :id", order)).isZero();
        assertThat(count("SELECT count(*) AS n FROM outbox WHERE record_key = CAST(:id AS text)", order)).isZero();
        assertThat(count("SELECT count(*) AS n FROM inbox WHERE consumer = 'order.saga' AND event_id = :id", eventId))
                .as("recorded in the inbox, so a redelivery is skipped").isOne();
    }

    private List<String> warningsAbout(UUID order) {
        return logged.list.stream()
                .filter(event -> event.getLevel() == Level.WARN)
                .map(ILoggingEvent::getFormattedMessage)
                .filter(message -> message.contains(order.toString()))
                .toList();
    }

    private static InventoryEvent.StockReserved reserved(UUID eventId, UUID order) {
        return new InventoryEvent.StockReserved(eventId, Instant.now(), order);
    }

    private static ReceivedEvent received(UUID eventId, UUID order) {
        return new ReceivedEvent(eventId, RESERVED, "/test", order.toString(), Instant.now(), "{}");
    }

    private UUID place() {
        UUID mug = FakeCatalog.instance().add("Mug", 1999);
        byte[] body = web.post().uri("/api/orders").headers(auth(TestTokens.customer(UUID.randomUUID())))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .bodyValue(buyNow(Map.of("productId", mug, "quantity", 1)))
                .exchange()
                .expectStatus().isAccepted()
                .expectBody().returnResult().getResponseBodyContent();
        return UUID.fromString(JsonPath.read(new String(body), "$.id"));
    }

    private String status(UUID order) {
        return database.sql("SELECT status FROM orders WHERE id = :id").bind("id", order)
                .map(row -> row.get("status", String.class)).one().block();
    }

    private long count(String sql, UUID id) {
        return database.sql(sql).bind("id", id).map(row -> row.get("n", Long.class)).one().block();
    }
}
