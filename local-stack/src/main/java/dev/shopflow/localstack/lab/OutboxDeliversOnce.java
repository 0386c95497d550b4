package dev.shopflow.localstack.lab;

import dev.shopflow.localstack.audit.Stores.Store;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Lab 4: an order's OrderPlaced was committed to order-service's outbox by one process and published by the next (the
 * service was killed between the commit and the publish), once: one attempt, one record on the topic, one application
 * in catalog-service.
 */
final class OutboxDeliversOnce implements LabCheck {

    private static final String ORDER_PLACED = "shopflow.order.placed.v1";

    private record OutboxRow(UUID eventId, UUID orderId, Instant createdAt, Instant sentAt, int attempts) {
    }

    @Override
    public int number() {
        return 4;
    }

    @Override
    public String title() {
        return "Kill order-service between commit and publish: the outbox delivers once";
    }

    @Override
    public String page() {
        return "docs/labs/04-outbox-delivers-once.md";
    }

    @Override
    public List<Finding> check(LabEvidence evidence) throws Exception {
        var findings = new ArrayList<Finding>();
        var started = evidence.startedAt("order-service");
        if (started.isEmpty()) {
            findings.add(Finding.fail("order-service is not running: ./shopflow restart order-service (step 4)"));
            return findings;
        }
        var rows = evidence.query(Store.ORDERS, """
                        SELECT event_id, record_key, created_at, sent_at, attempts FROM outbox
                        WHERE event_type = ? AND created_at < ? ORDER BY created_at DESC LIMIT 50""",
                row -> new OutboxRow(row.getObject("event_id", UUID.class), UUID.fromString(row.getString("record_key")),
                        LabEvidence.instant(row, "created_at"), LabEvidence.instant(row, "sent_at"), row.getInt("attempts")),
                ORDER_PLACED, OffsetDateTime.ofInstant(started.get(), ZoneOffset.UTC));
        var carriedOver = rows.stream().filter(row -> row.sentAt() == null || !row.sentAt().isBefore(started.get())).findFirst();
        if (carriedOver.isEmpty()) {
            findings.add(Finding.fail("no order placed before order-service's last start (" + started.get() + ") was published"
                    + " after it" + rows.stream().findFirst().map(row -> ": the newest OrderPlaced, of order " + row.orderId()
                            + ", was published at " + row.sentAt() + ", before the restart. Place the order while the relay"
                            + " holds events back (ORDER_OUTBOX_PUBLISH_DELAY, step 1) and kill order-service within that"
                            + " time (step 3)").orElse(": place an order, then kill order-service before it publishes (steps 1-4)")));
            return findings;
        }
        var row = carriedOver.get();
        if (row.sentAt() == null) {
            findings.add(Finding.fail("order " + row.orderId() + "'s OrderPlaced, committed at " + row.createdAt()
                    + ", is still in the outbox, unpublished: wait for the relay (the publish delay, if order-service runs"
                    + " with one) and check again"));
            return findings;
        }
        findings.add(Finding.pass("order " + row.orderId() + "'s OrderPlaced was committed at " + row.createdAt()
                + ", before order-service (re)started at " + started.get() + ", and published by the new process at "
                + row.sentAt()));
        if (row.attempts() == 1) {
            findings.add(Finding.pass("the relay sent it once (1 attempt)"));
        } else {
            findings.add(Finding.fail("the relay needed " + row.attempts() + " attempts to send it"));
        }
        long onTopic = evidence.records("orders.v1").stream()
                .filter(record -> record.eventId().filter(row.eventId().toString()::equals).isPresent()).count();
        if (onTopic == 1) {
            findings.add(Finding.pass("orders.v1 holds event " + row.eventId() + " once: nothing lost, nothing sent twice"));
        } else {
            findings.add(Finding.fail("orders.v1 holds event " + row.eventId() + " " + onTopic + " times"));
        }
        long applied = evidence.query(Store.CATALOG, "SELECT count(*) AS times FROM inbox WHERE event_id = ?",
                result -> result.getLong("times"), row.eventId()).getFirst();
        if (applied == 1) {
            findings.add(Finding.pass("catalog-service applied it once (one row in its inbox)"));
        } else {
            findings.add(Finding.fail("catalog-service has not applied it yet (is catalog-service running?)"));
        }
        var order = evidence.order(row.orderId());
        if (order.isPresent() && !order.get().status().equals("PENDING")) {
            findings.add(Finding.pass("the saga went on: " + order.get().describe()));
        } else {
            findings.add(Finding.fail("the order is still PENDING: catalog-service has not answered yet; check again"));
        }
        return findings;
    }
}
