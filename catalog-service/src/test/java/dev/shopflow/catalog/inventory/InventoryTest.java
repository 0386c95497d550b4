package dev.shopflow.catalog.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import dev.shopflow.catalog.inventory.events.OrderEvent;
import dev.shopflow.catalog.product.Product;
import dev.shopflow.catalog.product.Products;
import dev.shopflow.catalog.product.domain.ProductDetails;
import dev.shopflow.contracts.EventContracts;
import dev.shopflow.platform.kafka.DeadLetters;
import dev.shopflow.platform.kafka.EventReader;
import dev.shopflow.platform.kafka.ReceivedEvent;
import dev.shopflow.platform.testsupport.FreshDatabase;
import dev.shopflow.platform.testsupport.TestTokens;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.ContextConfiguration;
import reactor.core.publisher.Flux;

/**
 * Inventory as the order saga drives it: order events published to {@code orders.v1} on a real broker, applied to
 * stock in a real PostgreSQL, answered on {@code inventory.v1} through the outbox — and the reservation rule under
 * a race for the last units.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@ContextConfiguration(initializers = {FreshDatabase.class, TestTokens.Initializer.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InventoryTest {

    @Autowired
    private KafkaTemplate<String, String> kafka;

    @Autowired
    private DatabaseClient database;

    @Autowired
    private Inventory inventory;

    @Autowired
    private tools.jackson.databind.json.JsonMapper json;

    @Autowired
    private Products products;

    @Autowired
    private DeadLetters deadLetters;

    @Autowired
    private io.micrometer.core.instrument.MeterRegistry meters;

    /**
     * This context's broker. Not {@code spring.kafka.bootstrap-servers}: every embedded broker sets that system
     * property when it starts, so once another test context has started its own, the property names that one.
     */
    @Autowired
    private EmbeddedKafkaBroker broker;

    private KafkaConsumer<String, String> inventoryEvents;
    private final Map<String, List<Announcement>> announced = new ConcurrentHashMap<>();

    /** An inventory event as it arrived: its CloudEvents type and payload. */
    record Announcement(String type, String payload) {
    }

    @BeforeAll
    void listenToInventoryEvents() {
        var properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "inventory-test-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        inventoryEvents = new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer());
        inventoryEvents.subscribe(List.of("inventory.v1"));
    }

    @AfterAll
    void stopListening() {
        inventoryEvents.close();
    }

    @Test
    void reservesAPlacedOrderAndAnnouncesItAsTheContractSays() {
        UUID mug = product(5);
        UUID order = UUID.randomUUID();

        send(placed(UUID.randomUUID(), order, Map.of(mug, 2)));

        Announcement reserved = awaitAnnouncement(order);
        assertThat(reserved.type()).isEqualTo("shopflow.inventory.stock-reserved.v1");
        EventContracts.requireValid(reserved.type(), reserved.payload());
        assertThat(JsonPath.<String>read(reserved.payload(), "$.orderId")).isEqualTo(order.toString());
        assertThat(stock(mug)).isEqualTo(new Stock(5, 2));
        assertThat(reservationStatus(order)).containsExactly("RESERVED");
    }

    @Test
    void rejectsAnOrderThatCannotBeMetNamingTheShortLinesAndHoldsNothing() {
        UUID plenty = product(5);
        UUID scarce = product(1);
        UUID order = UUID.randomUUID();

        send(placed(UUID.randomUUID(), order, Map.of(plenty, 1, scarce, 2)));

        Announcement rejected = awaitAnnouncement(order);
        assertThat(rejected.type()).isEqualTo("shopflow.inventory.stock-rejected.v1");
        EventContracts.requireValid(rejected.type(), rejected.payload());
        assertThat(JsonPath.<List<Map<String, Object>>>read(rejected.payload(), "$.unavailable"))
                .containsExactly(Map.of("productId", scarce.toString(), "requested", 2, "available", 1));
        assertThat(stock(plenty)).isEqualTo(new Stock(5, 0));
        assertThat(stock(scarce)).isEqualTo(new Stock(1, 0));
        assertThat(reservationStatus(order)).isEmpty();
    }

    @Test
    void rejectsALineForAProductWithdrawnFromTheCatalog() {
        UUID withdrawn = product(5);
        database.sql("UPDATE products SET deleted_at = now() WHERE id = :id").bind("id", withdrawn).then().block();
        UUID order = UUID.randomUUID();

        send(placed(UUID.randomUUID(), order, Map.of(withdrawn, 1)));

        Announcement rejected = awaitAnnouncement(order);
        assertThat(rejected.type()).isEqualTo("shopflow.inventory.stock-rejected.v1");
        assertThat(JsonPath.<Integer>read(rejected.payload(), "$.unavailable[0].available")).isZero();
        assertThat(stock(withdrawn)).isEqualTo(new Stock(5, 0));
    }

    @Test
    void refusesAnOrderAtAPriceCatalogNeverPublishedAndHoldsNothing() {
        UUID mug = product(5);
        UUID spoon = product(5);
        UUID order = UUID.randomUUID();
        double refusedBefore = meters.counter("shopflow.inventory.reservations", "outcome", "price-rejected").count();

        send(placed(UUID.randomUUID(), order, Map.of(mug, 1, spoon, 1), Map.of(mug, 1L)));

        Announcement rejected = awaitAnnouncement(order);
        assertThat(rejected.type()).isEqualTo("shopflow.inventory.price-rejected.v1");
        EventContracts.requireValid(rejected.type(), rejected.payload());
        assertThat(JsonPath.<List<Map<String, Object>>>read(rejected.payload(), "$.mispriced")).containsExactly(Map.of(
                "productId", mug.toString(),
                "unitPrice", Map.of("amount", 1, "currency", "EUR"),
                "currentPrice", Map.of("amount", 1999, "currency", "EUR")));
        assertThat(stock(mug)).isEqualTo(new Stock(5, 0));
        assertThat(stock(spoon)).isEqualTo(new Stock(5, 0));
        assertThat(reservationStatus(order)).isEmpty();
        assertThat(meters.counter("shopflow.inventory.reservations", "outcome", "price-rejected").count())
                .isEqualTo(refusedBefore + 1);
    }

    @Test
    void reservesAnOrderPricedJustBeforeAnAdministratorChangedThePrice() {
        UUID mug = product(5);
        reprice(mug, 2999);
        UUID order = UUID.randomUUID();

        send(placed(UUID.randomUUID(), order, Map.of(mug, 2), Map.of(mug, 1999L)));

        Announcement reserved = awaitAnnouncement(order);
        assertThat(reserved.type()).isEqualTo("shopflow.inventory.stock-reserved.v1");
        assertThat(stock(mug)).isEqualTo(new Stock(5, 2));
    }

    @Test
    void refusesAnOrderAtAPriceReplacedLongerAgoThanTheGracePeriod() {
        UUID mug = product(5);
        reprice(mug, 2999);
        // As if the change had been made two minutes ago: the grace period is 60 s.
        database.sql("UPDATE price_history SET replaced_at = replaced_at - interval '2 minutes' WHERE product_id = :id")
                .bind("id", mug).then().block();
        UUID order = UUID.randomUUID();

        send(placed(UUID.randomUUID(), order, Map.of(mug, 2), Map.of(mug, 1999L)));

        Announcement rejected = awaitAnnouncement(order);
        assertThat(rejected.type()).isEqualTo("shopflow.inventory.price-rejected.v1");
        assertThat(JsonPath.<Integer>read(rejected.payload(), "$.mispriced[0].currentPrice.amount")).isEqualTo(2999);
        assertThat(stock(mug)).isEqualTo(new Stock(5, 0));
        assertThat(reservationStatus(order)).isEmpty();
    }

    @Test
    void commitsTheReservationOfAConfirmedOrder() {
        UUID kettle = product(5);
        UUID order = UUID.randomUUID();
        send(placed(UUID.randomUUID(), order, Map.of(kettle, 2)));
        awaitAnnouncement(order);

        send(event(OrderEvent.CONFIRMED, UUID.randomUUID(), order, "{}"));

        await().atMost(Duration.ofSeconds(30)).until(() -> reservationStatus(order).equals(List.of("COMMITTED")));
        assertThat(stock(kettle)).isEqualTo(new Stock(3, 0));
    }

    @Test
    void releasesTheReservationOfACancelledOrder() {
        UUID kettle = product(5);
        UUID order = UUID.randomUUID();
        send(placed(UUID.randomUUID(), order, Map.of(kettle, 2)));
        awaitAnnouncement(order);

        send(event(OrderEvent.CANCELLED, UUID.randomUUID(), order, ",\"reason\":\"PAYMENT_DECLINED\"}"));

        await().atMost(Duration.ofSeconds(30)).until(() -> reservationStatus(order).equals(List.of("RELEASED")));
        assertThat(stock(kettle)).isEqualTo(new Stock(5, 0));
    }

    @Test
    void appliesAnEventDeliveredTwiceOnce() {
        UUID lamp = product(5);
        UUID order = UUID.randomUUID();
        ProducerRecord<String, String> placed = placed(UUID.randomUUID(), order, Map.of(lamp, 2));

        send(placed);
        send(placed);
        // Events of one order share a partition, so once the confirmation is applied both copies have been seen.
        send(event(OrderEvent.CONFIRMED, UUID.randomUUID(), order, "{}"));
        await().atMost(Duration.ofSeconds(30)).until(() -> reservationStatus(order).equals(List.of("COMMITTED")));

        assertThat(stock(lamp)).isEqualTo(new Stock(3, 0));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(announcementsFor(order)).hasSize(1));
    }

    @Test
    void neverOversellsWhenOrdersRaceForTheLastUnits() {
        UUID bestseller = product(7);
        double rejectedBefore = meters.counter("shopflow.inventory.reservations", "outcome", "rejected").count();
        List<UUID> orders = Flux.range(0, 20).map(i -> UUID.randomUUID()).collectList().block();

        Flux.fromIterable(orders)
                .flatMap(order -> {
                    var record = placed(UUID.randomUUID(), order, Map.of(bestseller, 1));
                    var received = new ReceivedEvent(UUID.fromString(JsonPath.read(record.value(), "$.eventId")),
                            OrderEvent.PLACED, "/order-service", order.toString(), Instant.now(), record.value());
                    return inventory.apply(reader().read(received).orElseThrow(), received);
                }, 20)
                .blockLast();

        assertThat(stock(bestseller)).isEqualTo(new Stock(7, 7));
        assertThat(database.sql("SELECT count(*) AS n FROM stock_reservations WHERE product_id = :product")
                .bind("product", bestseller).map(row -> row.get("n", Long.class)).one().block()).isEqualTo(7);
        assertThat(outboxTypes(orders)).containsEntry("shopflow.inventory.stock-reserved.v1", 7L)
                .containsEntry("shopflow.inventory.stock-rejected.v1", 13L);
        assertThat(meters.counter("shopflow.inventory.reservations", "outcome", "rejected").count() - rejectedBefore)
                .isEqualTo(13);
    }

    @Test
    void readsEveryOrderEventItsContractExamplesShow() {
        for (String type : List.of(OrderEvent.PLACED, OrderEvent.CONFIRMED, OrderEvent.CANCELLED)) {
            String example = EventContracts.example(type);
            var received = new ReceivedEvent(UUID.fromString(JsonPath.read(example, "$.eventId")), type,
                    "/order-service", JsonPath.read(example, "$.orderId"), Instant.now(), example);

            assertThat(reader().read(received)).as(type).hasValueSatisfying(
                    event -> assertThat(event.orderId().toString()).isEqualTo(JsonPath.read(example, "$.orderId")));
        }
    }

    @Test
    void sendsAnOrderEventItCannotReadToTheDeadLetterTopicAndGoesOn() {
        UUID eventId = UUID.randomUUID();
        UUID broken = UUID.randomUUID();
        send(event(OrderEvent.PLACED, eventId, broken, ",\"items\":\"not a list\"}"));
        UUID cup = product(3);
        UUID next = UUID.randomUUID();
        send(placed(UUID.randomUUID(), next, Map.of(cup, 1)));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                deadLetters.list("orders.v1", "catalog-service", 1000))
                .anyMatch(dead -> eventId.toString().equals(dead.eventId())));
        assertThat(awaitAnnouncement(next).type()).isEqualTo("shopflow.inventory.stock-reserved.v1");
    }

    record Stock(int onHand, int reserved) {
    }

    private UUID product(int onHand) {
        UUID category = UUID.randomUUID();
        UUID product = UUID.randomUUID();
        database.sql("INSERT INTO categories (id, slug, name) VALUES (:id, :slug, 'Test')")
                .bind("id", category).bind("slug", "test-" + category).then()
                .then(database.sql("""
                                INSERT INTO products (id, sku, name, category_id, price_amount, price_currency)
                                VALUES (:id, :sku, 'Test product', :category, 1999, 'EUR')""")
                        .bind("id", product).bind("sku", "T-" + product.toString().substring(0, 8))
                        .bind("category", category).then())
                .then(database.sql("INSERT INTO stock (product_id, on_hand) VALUES (:id, :onHand)")
                        .bind("id", product).bind("onHand", onHand).then())
                .block();
        return product;
    }

    private Stock stock(UUID product) {
        return database.sql("SELECT on_hand, reserved FROM stock WHERE product_id = :product").bind("product", product)
                .map(row -> new Stock(row.get("on_hand", Integer.class), row.get("reserved", Integer.class)))
                .one().block();
    }

    private List<String> reservationStatus(UUID order) {
        return database.sql("SELECT DISTINCT status FROM stock_reservations WHERE order_id = :order")
                .bind("order", order).map(row -> row.get("status", String.class)).all().collectList().block();
    }

    private Map<String, Long> outboxTypes(List<UUID> orders) {
        return database.sql("""
                        SELECT event_type, count(*) AS n FROM outbox
                        WHERE record_key = ANY(:orders) GROUP BY event_type""")
                .bind("orders", orders.stream().map(UUID::toString).toArray(String[]::new))
                .map(row -> Map.entry(row.get("event_type", String.class), row.get("n", Long.class)))
                .all().collectMap(Map.Entry::getKey, Map.Entry::getValue).block();
    }

    /** Changes the product's price as an administrator does, through the catalog's own use case. */
    private void reprice(UUID product, long amount) {
        Product current = products.find(product).block();
        products.revise(product, current.version(), new ProductDetails(current.sku(), current.name(),
                current.description(), current.category(), amount, "EUR", current.imageUrl(), current.attributes()))
                .block();
    }

    /** An order placed with every line at the test products' price, 19.99 EUR. */
    private ProducerRecord<String, String> placed(UUID eventId, UUID order, Map<UUID, Integer> lines) {
        return placed(eventId, order, lines, Map.of());
    }

    /** An order placed at 19.99 EUR a unit, but for the products given another unit price (minor units). */
    private ProducerRecord<String, String> placed(UUID eventId, UUID order, Map<UUID, Integer> lines,
            Map<UUID, Long> unitPrices) {
        var items = new ArrayList<String>();
        long total = 0;
        for (var line : lines.entrySet()) {
            long unitPrice = unitPrices.getOrDefault(line.getKey(), 1999L);
            items.add("{\"productId\":\"" + line.getKey() + "\",\"quantity\":" + line.getValue()
                    + ",\"unitPrice\":{\"amount\":" + unitPrice + ",\"currency\":\"EUR\"}}");
            total += unitPrice * line.getValue();
        }
        return event(OrderEvent.PLACED, eventId, order, ",\"userId\":\"" + UUID.randomUUID() + "\",\"items\":["
                + String.join(",", items) + "],\"total\":{\"amount\":" + total + ",\"currency\":\"EUR\"}}");
    }

    /** An order event with CloudEvents headers; {@code rest} completes the JSON after the common fields. */
    private static ProducerRecord<String, String> event(String type, UUID eventId, UUID order, String rest) {
        Instant now = Instant.now();
        String payload = "{\"eventId\":\"" + eventId + "\",\"occurredAt\":\"" + now + "\",\"orderId\":\"" + order + "\""
                + (rest.equals("{}") ? "}" : rest);
        var record = new ProducerRecord<String, String>("orders.v1", order.toString(), payload);
        header(record, "ce_id", eventId.toString());
        header(record, "ce_type", type);
        header(record, "ce_source", "/order-service");
        header(record, "ce_time", now.toString());
        header(record, "ce_subject", order.toString());
        return record;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends a copy: a record's headers are closed once it is sent, and a traced send adds its own to them. */
    private void send(ProducerRecord<String, String> record) {
        kafka.send(new ProducerRecord<>(record.topic(), null, record.key(), record.value(),
                List.of(record.headers().toArray())))
                .join();
    }

    private Announcement awaitAnnouncement(UUID order) {
        await().atMost(Duration.ofSeconds(30)).until(() -> !announcementsFor(order).isEmpty());
        return announcementsFor(order).getFirst();
    }

    private List<Announcement> announcementsFor(UUID order) {
        for (var record : inventoryEvents.poll(Duration.ofMillis(200))) {
            var type = record.headers().lastHeader("ce_type");
            announced.computeIfAbsent(record.key(), key -> new java.util.concurrent.CopyOnWriteArrayList<>())
                    .add(new Announcement(type == null ? null : new String(type.value(), StandardCharsets.UTF_8),
                            record.value()));
        }
        return announced.getOrDefault(order.toString(), List.of());
    }

    /** Order events read as inventory's listener reads them: its types, the service's mapper. */
    private EventReader<OrderEvent> reader() {
        return new EventReader<>(json, OrderEvent.TYPES);
    }
}
