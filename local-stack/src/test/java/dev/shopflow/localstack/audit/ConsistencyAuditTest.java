package dev.shopflow.localstack.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopflow.localstack.KafkaBroker;
import dev.shopflow.localstack.audit.InvariantResult.Outcome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit against real databases (the services' own schemas) and a real broker: a consistent shop is clean, and
 * each invariant broken on purpose is reported as exactly that violation and nothing else.
 */
class ConsistencyAuditTest {

    @TempDir
    static Path kafkaData;

    static KafkaBroker kafka;
    static ShopStores stores;

    ShopStores shop;
    UUID headphones;
    UUID speaker;

    @BeforeAll
    static void startKafkaWithEmptyDeadLetterTopicsAndMigrateTheStores() throws Exception {
        stores = new ShopStores();
        kafka = KafkaBroker.start(kafkaData, 0);
        createTopics(kafka, "orders.v1", "orders.v1.dlt", "payments.v1", "payments.v1.dlt");
    }

    @AfterAll
    static void stopKafka() throws Exception {
        kafka.close();
        stores.close();
    }

    /** A shop where every saga ended as it should: one order of each kind, and one still young and open. */
    @BeforeEach
    void aConsistentShop() {
        stores.reset();
        seed(stores);
    }

    private void seed(ShopStores stores) {
        shop = stores;
        headphones = shop.product(100);
        speaker = shop.product(20);
        shop.confirmedOrder(headphones, 2);
        shop.confirmedOrder(speaker, 1);
        shop.declinedOrder(headphones, 1);
        shop.refundedOrder(speaker, 3);
        shop.awaitingPayment(headphones, 4, Duration.ofMinutes(2));
    }

    @Test
    void aConsistentShopIsCleanAtTheFirstCheck() {
        AuditReport report = audit();

        assertThat(report.results()).extracting(InvariantResult::invariant).containsExactly(
                "orders-final-or-within-time-out", "confirmed-iff-paid-once", "cancelled-not-charged",
                "stock-matches-reservations", "no-stock-held-for-final-orders", "outboxes-drained",
                "sent-events-applied", "dead-letter-topics-empty", "events-applied-once");
        assertThat(report.results()).as(report.toString()).allMatch(result -> result.outcome() == Outcome.OK);
        assertThat(report.clean()).isTrue();
        assertThat(report.exitCode()).isZero();
        assertThat(report.checks()).isEqualTo(1);
        assertThat(report.toString()).containsPattern("confirmed-iff-paid-once +OK +0")
                .contains("Consistent: every invariant holds");
    }

    @Test
    void anOrderOpenPastItsTimeOutIsReported() {
        UUID stuck = shop.awaitingPayment(speaker, 1, Duration.ofMinutes(16));

        AuditReport report = audit();

        assertOnlyViolation(report, "orders-final-or-within-time-out", "order " + stuck,
                "still AWAITING_PAYMENT 16m", "its time-out is 15m");
    }

    @Test
    void theTimeOutIsTheOneOrderServiceRunsWith() {
        UUID twoMinutesOld = shop.awaitingPayment(speaker, 1, Duration.ofMinutes(2).plusSeconds(30));
        var oneMinuteTimeOut = AuditSettings.forOrderService(Map.of("ORDER_DEADLINE", "1m")).withSettle(Duration.ZERO);

        AuditReport report = new ConsistencyAudit(shop.target(kafka.bootstrapServers()), oneMinuteTimeOut).run();

        assertThat(report.violatedInvariants()).containsExactly("orders-final-or-within-time-out");
        assertThat(report.violations()).extracting(Violation::subject)
                .containsExactlyInAnyOrder("order " + twoMinutesOld, "order " + openOrders().getFirst());
        assertThat(audit().clean()).as("with order-service's default of 15 minutes").isTrue();
    }

    @Test
    void aConfirmedOrderWithoutAPaymentIsReported() {
        UUID order = shop.confirmedOrder(headphones, 1);
        shop.update(shop.payments, "DELETE FROM payments WHERE order_id = ?", order);

        assertOnlyViolation(audit(), "confirmed-iff-paid-once", "order " + order, "CONFIRMED without a payment");
    }

    @Test
    void aConfirmedOrderPaidLessThanItsTotalIsReported() {
        UUID order = shop.confirmedOrder(headphones, 2);
        shop.update(shop.payments, "UPDATE payments SET amount = 1999 WHERE order_id = ?", order);

        assertOnlyViolation(audit(), "confirmed-iff-paid-once", "order " + order,
                "CONFIRMED for 3998 EUR (minor units) but its payment", "is 1999 EUR (minor units)");
    }

    @Test
    void moneyKeptForAnOrderStillAwaitingPaymentIsReported() {
        UUID order = openOrders().getFirst();
        shop.update(shop.payments, """
                INSERT INTO payments (id, order_id, user_id, status, amount, currency, provider, payment_method)
                VALUES (gen_random_uuid(), ?, gen_random_uuid(), 'SUCCEEDED', 7996, 'EUR', 'simulated', 'pm_card_visa')""",
                order);

        assertOnlyViolation(audit(), "confirmed-iff-paid-once", "order " + order,
                "charged 7996 EUR (minor units) but the order is still AWAITING_PAYMENT");
    }

    @Test
    void aCancelledOrderThatKeptItsChargeIsReported() {
        UUID order = shop.declinedOrder(speaker, 1);
        shop.update(shop.payments, "UPDATE payments SET status = 'SUCCEEDED' WHERE order_id = ?", order);

        assertOnlyViolation(audit(), "cancelled-not-charged", "order " + order,
                "CANCELLED (PAYMENT_DECLINED) but payment", "charged 1999 EUR (minor units) and was not refunded");
    }

    @Test
    void stockReservedWithoutAReservationIsReported() {
        shop.update(shop.catalog, "UPDATE stock SET reserved = reserved + 2 WHERE product_id = ?", speaker);

        assertOnlyViolation(audit(), "stock-matches-reservations", "product " + speaker,
                "stock says 2 reserved but its open reservations hold 0");
    }

    @Test
    void goodsCommittedForAnOrderThatWasNotConfirmedAreReported() {
        UUID order = shop.declinedOrder(headphones, 5);
        shop.update(shop.catalog, "UPDATE stock_reservations SET status = 'COMMITTED' WHERE order_id = ?", order);
        shop.update(shop.catalog, "UPDATE stock SET on_hand = on_hand - 5 WHERE product_id = ?", headphones);

        assertOnlyViolation(audit(), "stock-matches-reservations", "product " + headphones,
                "CONFIRMED orders took 2 but catalog committed 7 from the shelf");
    }

    @Test
    void stockStillHeldForACancelledOrderIsReported() {
        UUID order = shop.declinedOrder(speaker, 2);
        // Released in the order's eyes, but catalog never let go: reserved still counts it, so stock itself adds up.
        shop.update(shop.catalog, "UPDATE stock_reservations SET status = 'RESERVED' WHERE order_id = ?", order);
        shop.update(shop.catalog, "UPDATE stock SET reserved = reserved + 2 WHERE product_id = ?", speaker);

        assertOnlyViolation(audit(), "no-stock-held-for-final-orders", "order " + order,
                "CANCELLED (PAYMENT_DECLINED) but catalog still holds 2 × " + speaker);
    }

    @Test
    void anOutboxRowLeftUnsentIsReported() {
        shop.update(shop.catalog, """
                INSERT INTO outbox (event_id, topic, record_key, event_type, occurred_at, payload, created_at, attempts, last_error)
                VALUES (gen_random_uuid(), 'inventory.v1', 'order-1', 'shopflow.inventory.stock-reserved.v1', now(), '{}',
                        now() - interval '40 seconds', 3, 'broker unreachable')""");

        assertOnlyViolation(audit(), "outboxes-drained", "catalog outbox row",
                "shopflow.inventory.stock-reserved.v1 for order-1 unsent for 40s (3 attempts; last error: broker unreachable)");
    }

    @Test
    void anOutboxRowJustWrittenIsNotYetStuck() {
        shop.update(shop.orders, """
                INSERT INTO outbox (event_id, topic, record_key, event_type, occurred_at, payload)
                VALUES (gen_random_uuid(), 'orders.v1', 'order-2', 'shopflow.order.placed.v1', now(), '{}')""");

        assertThat(audit().clean()).isTrue();
    }

    @Test
    void anEventSentButNeverAppliedByAConsumerThatReadsItIsReported() {
        UUID order = shop.confirmedOrder(speaker, 1);
        UUID confirmed = ShopStores.eventId(order, "shopflow.order.confirmed.v1");
        shop.update(shop.catalog, "DELETE FROM inbox WHERE event_id = ?", confirmed);

        assertOnlyViolation(audit(), "sent-events-applied", "orders outbox event " + confirmed,
                "shopflow.order.confirmed.v1 for " + order + " was sent 1m ago but catalog.inventory (catalog database)"
                        + " never applied it");
    }

    @Test
    void anEventSentJustNowIsStillOnItsWay() {
        shop.update(shop.payments, """
                INSERT INTO outbox (event_id, topic, record_key, event_type, occurred_at, payload, sent_at)
                VALUES (gen_random_uuid(), 'payments.v1', 'order-3', 'shopflow.payment.succeeded.v1', now(), '{}', now())""");

        assertThat(audit().clean()).isTrue();
    }

    @Test
    void withEveryOrderFinalAnOpenOrderIsReportedHoweverYoung() {
        UUID young = shop.awaitingPayment(speaker, 1, Duration.ofSeconds(3));

        AuditReport report = new ConsistencyAudit(shop.target(kafka.bootstrapServers()), settings().everyOrderFinal()).run();

        assertThat(report.violatedInvariants()).containsExactly("orders-final-or-within-time-out");
        assertThat(report.violations()).extracting(Violation::subject)
                .containsExactlyInAnyOrder("order " + young, "order " + openOrders().getLast());
        assertThat(report.violations()).allSatisfy(violation ->
                assertThat(violation.problem()).contains("every order must be final by now"));
        assertThat(report.toString()).contains("every order must be final; an outbox row may wait 5s");
    }

    @Test
    void aRecordOnADeadLetterTopicIsReported(@TempDir Path otherKafka) throws Exception {
        try (var broker = KafkaBroker.start(otherKafka, 0)) {
            createTopics(broker, "orders.v1", "orders.v1.dlt");
            UUID event = UUID.randomUUID();
            deadLetter(broker, event, "catalog-service");

            AuditReport report = new ConsistencyAudit(shop.target(broker.bootstrapServers()), settings()).run();

            assertOnlyViolation(report, "dead-letter-topics-empty", "orders.v1.dlt partition 0 offset 0",
                    "shopflow.order.placed.v1 event " + event + " (key order-7) was not applied by catalog-service: "
                            + "no such product");
            AuditReport again = new ConsistencyAudit(shop.target(broker.bootstrapServers()), settings()).run();
            assertThat(again.violations()).as("reading committed nothing: the record is still there").hasSize(1);
        }
    }

    @Test
    void aDeadLetterReplayedAndAppliedSinceNoLongerCounts(@TempDir Path otherKafka) throws Exception {
        try (var broker = KafkaBroker.start(otherKafka, 0)) {
            createTopics(broker, "orders.v1", "orders.v1.dlt");
            UUID replayed = UUID.randomUUID();
            UUID stillMissing = UUID.randomUUID();
            deadLetter(broker, replayed, "payment-service");
            deadLetter(broker, stillMissing, "payment-service");
            // Applied by catalog, which is not the service that failed it: still missing for payment-service.
            shop.update(shop.catalog, "INSERT INTO inbox (consumer, event_id, event_type) VALUES ('catalog.inventory', ?, "
                    + "'shopflow.order.placed.v1')", stillMissing);
            shop.update(shop.payments, "INSERT INTO inbox (consumer, event_id, event_type) VALUES ('payment.orders', ?, "
                    + "'shopflow.order.placed.v1')", replayed);

            AuditReport report = new ConsistencyAudit(shop.target(broker.bootstrapServers()), settings()).run();

            assertOnlyViolation(report, "dead-letter-topics-empty", "orders.v1.dlt partition 0 offset 1",
                    "event " + stillMissing, "was not applied by payment-service");
        }
    }

    /** A record as a listener's error handler leaves it on orders.v1.dlt. */
    private static void deadLetter(KafkaBroker broker, UUID event, String consumerGroup) throws Exception {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", broker.bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            var record = new ProducerRecord<>("orders.v1.dlt", 0, "order-7", "{}");
            record.headers().add("ce_type", "shopflow.order.placed.v1".getBytes(StandardCharsets.UTF_8));
            record.headers().add("ce_id", event.toString().getBytes(StandardCharsets.UTF_8));
            record.headers().add("kafka_dlt-original-consumer-group", consumerGroup.getBytes(StandardCharsets.UTF_8));
            record.headers().add("kafka_dlt-exception-message", "no such product".getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        }
    }

    @Test
    void anEventAppliedTwiceShowsAsADuplicatedTimelineStep() {
        UUID order = shop.confirmedOrder(speaker, 1);
        // What a redelivered PaymentSucceeded applied without the inbox would leave: its step once more.
        shop.update(shop.orders, """
                INSERT INTO order_timeline (order_id, occurred_at, step, actor)
                SELECT order_id, occurred_at, step, actor FROM order_timeline
                WHERE order_id = ? AND step = 'PAYMENT_SUCCEEDED'""", order);

        assertOnlyViolation(audit(), "events-applied-once", "order " + order,
                "timeline step PAYMENT_SUCCEEDED from payment-service", "recorded 2 times");
    }

    @Test
    void anInboxThatNoLongerRefusesARedeliveredEventIsReportedWithTheEventsItLetInTwice() throws Exception {
        try (var own = new ShopStores()) { // stores of its own: their schema is changed
            seed(own);
            recordOneEventTwiceInThePaymentsInboxWithoutItsKey();
        }
    }

    private void recordOneEventTwiceInThePaymentsInboxWithoutItsKey() {
        shop.update(shop.payments, "ALTER TABLE inbox DROP CONSTRAINT inbox_pkey");

        assertOnlyViolation(audit(), "events-applied-once", "payments inbox",
                "has no unique key on (consumer, event_id)");

        UUID event = UUID.randomUUID();
        for (int i = 0; i < 2; i++) {
            shop.update(shop.payments, "INSERT INTO inbox (consumer, event_id, event_type) VALUES ('payment.orders', ?, "
                    + "'shopflow.order.payment-requested.v1')", event);
        }
        AuditReport report = audit();
        assertThat(report.violations()).as(report.toString()).extracting(Violation::subject)
                .containsExactly("payments inbox", "payments inbox event " + event);
        assertThat(report.violations().get(1).problem())
                .contains("shopflow.order.payment-requested.v1 recorded 2 times for consumer payment.orders");
    }

    @Test
    void aViolationThatLastsIsCheckedAgainUntilTheSettlePeriodEnds() {
        shop.update(shop.catalog, "UPDATE stock SET reserved = reserved + 1 WHERE product_id = ?", speaker);

        AuditReport report = new ConsistencyAudit(shop.target(kafka.bootstrapServers()),
                settings().withSettle(Duration.ofSeconds(5))).run();

        assertThat(report.violatedInvariants()).containsExactly("stock-matches-reservations");
        assertThat(report.checks()).isGreaterThanOrEqualTo(2);
        assertThat(report.exitCode()).isEqualTo(AuditReport.VIOLATED);
    }

    @Test
    void aBrokerThatDoesNotAnswerLeavesTheDeadLettersNotCheckedAndTheAuditNotClean() {
        var unreachable = new ConsistencyAudit(shop.target("127.0.0.1:" + freePort()), settings());

        AuditReport report = unreachable.run();

        assertThat(report.result("dead-letter-topics-empty")).hasValueSatisfying(result ->
                assertThat(result.outcome()).isEqualTo(Outcome.NOT_CHECKED));
        assertThat(report.violatedInvariants()).isEmpty();
        assertThat(report.clean()).isFalse();
        assertThat(report.exitCode()).isEqualTo(AuditReport.NOT_CHECKED);
    }

    private AuditReport audit() {
        return new ConsistencyAudit(shop.target(kafka.bootstrapServers()), settings()).run();
    }

    private static AuditSettings settings() {
        return AuditSettings.forOrderService(Map.of()).withSettle(Duration.ZERO);
    }

    private List<UUID> openOrders() {
        try (var connection = shop.server.connect(shop.orders);
             var rows = connection.createStatement().executeQuery(
                     "SELECT id FROM orders WHERE status = 'AWAITING_PAYMENT' ORDER BY created_at DESC")) {
            var ids = new java.util.ArrayList<UUID>();
            while (rows.next()) {
                ids.add(rows.getObject(1, UUID.class));
            }
            return ids;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The report names exactly this invariant as violated, by exactly this one offender, and all else holds. */
    private static void assertOnlyViolation(AuditReport report, String invariant, String subject, String... problem) {
        assertThat(report.results()).as(report.toString())
                .filteredOn(result -> result.outcome() != Outcome.OK)
                .extracting(InvariantResult::invariant)
                .containsExactly(invariant);
        assertThat(report.violations()).as(report.toString()).singleElement().satisfies(violation -> {
            assertThat(violation.subject()).startsWith(subject);
            assertThat(violation.problem()).contains(problem);
        });
        assertThat(report.exitCode()).isEqualTo(AuditReport.VIOLATED);
        assertThat(report.toString()).containsPattern(invariant + " +VIOLATED +1 +" + java.util.regex.Pattern.quote(subject));
    }

    private static void createTopics(KafkaBroker broker, String... names) throws Exception {
        try (var admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            admin.createTopics(java.util.Arrays.stream(names).map(name -> new NewTopic(name, 2, (short) 1)).toList())
                    .all().get();
        }
    }

    private static int freePort() {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
