package dev.shopflow.localstack.lab;

import dev.shopflow.localstack.events.EventsCommand;
import dev.shopflow.localstack.events.TopicRecords;
import dev.shopflow.localstack.audit.Stores.Store;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Lab 5: an event was delivered twice (the same record on its topic twice), and every consumer that applied it did so
 * once: one inbox row per consumer, one step in the order's timeline, and the duplicate counted by the inbox's metric.
 */
final class InboxAppliesOnce implements LabCheck {

    /** A record on its topic, and how often the same event is there. */
    private record Delivered(TopicRecords.Record record, long times) {
    }

    @Override
    public int number() {
        return 5;
    }

    @Override
    public String title() {
        return "Duplicate delivery: the inbox applies once";
    }

    @Override
    public String page() {
        return "docs/labs/05-inbox-applies-once.md";
    }

    @Override
    public List<Finding> check(LabEvidence evidence) throws Exception {
        var findings = new ArrayList<Finding>();
        var duplicates = new ArrayList<Delivered>();
        for (String topic : EventsCommand.SAGA_TOPICS) {
            var records = evidence.records(topic);
            var seen = new LinkedHashMap<String, List<TopicRecords.Record>>();
            records.forEach(record -> record.eventId().ifPresent(id -> seen.computeIfAbsent(id, key -> new ArrayList<>()).add(record)));
            seen.values().stream().filter(copies -> copies.size() > 1)
                    .filter(copies -> copies.stream().allMatch(copy -> copy.sameEventAs(copies.getFirst())))
                    .forEach(copies -> duplicates.add(new Delivered(copies.getLast(), copies.size())));
        }
        duplicates.sort(Comparator.comparing((Delivered delivered) -> delivered.record().time()).reversed());
        Delivered chosen = null;
        Map<String, Long> inboxRows = Map.of();
        for (var delivered : duplicates) {
            var rows = inboxRows(evidence, delivered.record());
            if (!rows.isEmpty()) {
                chosen = delivered;
                inboxRows = rows;
                break;
            }
        }
        if (chosen == null) {
            findings.add(Finding.fail(duplicates.isEmpty()
                    ? "no event was delivered twice: resend one with ./shopflow events resend TOPIC PARTITION OFFSET (step 3)"
                    : duplicates.size() + " record(s) are on their topic twice, but none was ever applied (a poison record's"
                            + " replay is lab 3): resend an event of an order that went through (step 3)"));
            return findings;
        }
        var record = chosen.record();
        findings.add(Finding.pass("event " + record.eventId().orElseThrow() + " (" + record.header("ce_type").orElse("?") + ", order "
                + record.keyText() + ") is on " + record.topic() + " " + chosen.times() + " times: every consumer got it "
                + chosen.times() + " times"));
        for (var consumer : inboxRows.entrySet()) {
            if (consumer.getValue() == 1) {
                findings.add(Finding.pass(consumer.getKey() + " applied it once: one row in its inbox"));
            } else {
                findings.add(Finding.fail(consumer.getKey() + " has " + consumer.getValue() + " inbox rows for it"));
            }
            String service = consumer.getKey().substring(0, consumer.getKey().indexOf('.')) + "-service";
            double counted = evidence.metrics(service)
                    .map(metrics -> LabEvidence.samples(metrics, "shopflow_inbox_events_total",
                            "consumer=\"" + consumer.getKey() + "\"", "outcome=\"duplicate\""))
                    .map(samples -> samples.values().stream().mapToDouble(Double::doubleValue).sum()).orElse(0.0);
            if (counted > 0) {
                findings.add(Finding.pass(service + " counted " + (long) counted + " duplicate(s) that changed nothing:"
                        + " shopflow_inbox_events_total{consumer=\"" + consumer.getKey() + "\",outcome=\"duplicate\"}"));
            } else {
                findings.add(Finding.note(service + "'s duplicate counter is 0 (it starts at 0 with the process: was "
                        + service + " restarted since?)"));
            }
        }
        if (!record.topic().equals("orders.v1")) {
            // order-service notes one timeline step per catalog or payment event, stamped with the event's time.
            var time = record.header("ce_time").map(java.time.Instant::parse).orElse(null);
            long steps = evidence.timeline(UUID.fromString(record.keyText())).stream()
                    .filter(step -> !step.actor().equals("order-service") && time != null
                            && Math.abs(java.time.Duration.between(step.occurredAt(), time).toNanos()) < 1_000_000)
                    .count();
            if (steps == 1) {
                findings.add(Finding.pass("the order's timeline shows its step once"));
            } else {
                findings.add(Finding.fail("the order's timeline shows its step " + steps + " times"));
            }
        }
        return findings;
    }

    /** Inbox rows for the record's event, by consumer, in the databases of the services that read its topic. */
    private static Map<String, Long> inboxRows(LabEvidence evidence, TopicRecords.Record record) throws Exception {
        UUID eventId;
        try {
            eventId = UUID.fromString(record.eventId().orElseThrow());
        } catch (IllegalArgumentException notAnEventId) {
            return Map.of();
        }
        var stores = record.topic().equals("orders.v1") ? List.of(Store.CATALOG, Store.PAYMENTS) : List.of(Store.ORDERS);
        var rows = new LinkedHashMap<String, Long>();
        for (Store store : stores) {
            evidence.query(store, "SELECT consumer, count(*) AS times FROM inbox WHERE event_id = ? GROUP BY consumer ORDER BY consumer",
                    row -> rows.put(row.getString("consumer"), row.getLong("times")), eventId);
        }
        return rows;
    }
}
