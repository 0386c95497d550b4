package dev.shopflow.localstack.audit;

import dev.shopflow.localstack.audit.Stores.Store;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Every event a service committed is published within seconds: no row of any service's outbox waits unsent longer
 * than the allowed age (the relay is woken on commit and polls as a fallback).
 */
final class OutboxesDrained implements Invariant {

    @Override
    public String name() {
        return "outboxes-drained";
    }

    @Override
    public String rule() {
        return "no outbox row of any service stays unsent longer than a few seconds";
    }

    @Override
    public List<Violation> check(AuditCheck check) throws Exception {
        var violations = new ArrayList<Violation>();
        for (Store store : Store.values()) {
            if (!check.stores().hasTable(store, "outbox")) {
                continue;
            }
            violations.addAll(check.stores().list(store, """
                            SELECT id, event_type, record_key, attempts, last_error,
                                   floor(extract(epoch FROM now() - created_at))::bigint AS age_seconds
                            FROM outbox
                            WHERE sent_at IS NULL AND created_at < now() - make_interval(secs => ?)
                            ORDER BY id""",
                    row -> new Violation(store.label() + " outbox row " + row.getLong("id"),
                            row.getString("event_type") + " for " + row.getString("record_key") + " unsent for "
                                    + AuditReport.describe(Duration.ofSeconds(row.getLong("age_seconds")))
                                    + " (" + row.getInt("attempts") + " attempts"
                                    + (row.getString("last_error") == null ? "" : "; last error: " + row.getString("last_error"))
                                    + ")"),
                    check.settings().outboxMaxAge().toMillis() / 1000.0));
        }
        return violations;
    }
}
