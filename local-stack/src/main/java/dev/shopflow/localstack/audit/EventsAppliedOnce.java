package dev.shopflow.localstack.audit;

import dev.shopflow.localstack.audit.Stores.Store;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * No event's effect is applied twice. Every consumer records an event's id in its inbox in the transaction that
 * applies it, and the inbox's unique key on (consumer, event id) is what refuses a redelivered event: the audit checks
 * that the key is in force (without it a duplicate would be applied again, and the duplicates it let in are listed),
 * and that the effect that shows one application per event — order-service writes one timeline step, stamped with the
 * event's time, for each catalog or payment event it applies — appears once per event.
 */
final class EventsAppliedOnce implements Invariant {

    @Override
    public String name() {
        return "events-applied-once";
    }

    @Override
    public String rule() {
        return "each inbox refuses a second (consumer, event id), and each applied event shows once in its order's timeline";
    }

    @Override
    public List<Violation> check(AuditCheck check) throws Exception {
        var violations = new ArrayList<Violation>();
        for (Store store : Store.values()) {
            if (!check.stores().hasTable(store, "inbox")) {
                continue;
            }
            // The key, not the rows, is the guarantee: with it, duplicates cannot exist, so the rows alone prove nothing.
            boolean keyed = !check.stores().list(store, """
                            SELECT 1 FROM pg_index i
                            WHERE i.indrelid = 'inbox'::regclass AND i.indisunique AND i.indpred IS NULL
                              AND (SELECT array_agg(a.attname::text ORDER BY a.attname) FROM pg_attribute a
                                   WHERE a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey))
                                  = ARRAY['consumer', 'event_id']""",
                    row -> true).isEmpty();
            if (!keyed) {
                violations.add(new Violation(store.label() + " inbox", "has no unique key on (consumer, event_id):"
                        + " a redelivered event would be recorded, and applied, again"));
            }
            violations.addAll(check.stores().list(store, """
                            SELECT consumer, event_id, event_type, count(*) AS times FROM inbox
                            GROUP BY consumer, event_id, event_type HAVING count(*) > 1
                            ORDER BY consumer, event_id""",
                    row -> new Violation(store.label() + " inbox event " + row.getObject("event_id"),
                            row.getString("event_type") + " recorded " + row.getLong("times") + " times for consumer "
                                    + row.getString("consumer"))));
        }
        // Steps a consumed event wrote (the saga notes them with the acting service), one per event: the same step
        // with the same event time twice means one event was applied twice.
        violations.addAll(check.stores().list(Store.ORDERS, """
                        SELECT order_id, step, actor, occurred_at, count(*) AS times FROM order_timeline
                        WHERE actor IN ('catalog-service', 'payment-service')
                        GROUP BY order_id, step, actor, occurred_at HAVING count(*) > 1
                        ORDER BY order_id, occurred_at""",
                row -> new Violation("order " + row.getObject("order_id"), "timeline step " + row.getString("step")
                        + " from " + row.getString("actor") + " at " + row.getObject("occurred_at", OffsetDateTime.class)
                        + " recorded " + row.getLong("times") + " times: one event applied more than once")));
        return violations;
    }
}
