package dev.shopflow.localstack.audit;

import dev.shopflow.localstack.audit.Stores.Store;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * No event is lost between the broker and its consumers: every event a service's outbox sent is in the inbox of each
 * consumer that reads its type, once it has had a few seconds to get there. {@link OutboxesDrained} proves that
 * what was committed was sent; this proves that what was sent was applied (a record lost by the broker, or an
 * offset committed before its effect, shows here). Sent rows stay in an outbox for its retention (an hour by
 * default), so the events of the last hour are compared.
 */
final class SentEventsApplied implements Invariant {

    /**
     * Who applies which events: the consumer (its inbox's {@code consumer}, in its service's database) and the
     * CloudEvents types it reads of a producer's outbox — each consuming service's {@code TYPES}.
     */
    record Route(Store producer, Store consumerStore, String consumer, Set<String> types) {
    }

    static final List<Route> ROUTES = List.of(
            new Route(Store.ORDERS, Store.CATALOG, "catalog.inventory",
                    Set.of("shopflow.order.placed.v1", "shopflow.order.confirmed.v1", "shopflow.order.cancelled.v1")),
            new Route(Store.ORDERS, Store.PAYMENTS, "payment.orders",
                    Set.of("shopflow.order.payment-requested.v1", "shopflow.order.cancelled.v1")),
            new Route(Store.CATALOG, Store.ORDERS, "order.saga", Set.of("shopflow.inventory.stock-reserved.v1",
                    "shopflow.inventory.stock-rejected.v1", "shopflow.inventory.price-rejected.v1")),
            new Route(Store.PAYMENTS, Store.ORDERS, "order.saga",
                    Set.of("shopflow.payment.succeeded.v1", "shopflow.payment.failed.v1", "shopflow.payment.refunded.v1")));

    private record Sent(UUID eventId, String type, String key, long ageSeconds) {
    }

    @Override
    public String name() {
        return "sent-events-applied";
    }

    @Override
    public String rule() {
        return "every event an outbox sent is in the inbox of each consumer that reads its type";
    }

    @Override
    public List<Violation> check(AuditCheck check) throws Exception {
        var violations = new ArrayList<Violation>();
        for (Route route : ROUTES) {
            if (!check.stores().hasTable(route.producer(), "outbox") || !check.stores().hasTable(route.consumerStore(), "inbox")) {
                continue;
            }
            // Constants of this class, never input: written into the query as they are.
            String types = route.types().stream().sorted().map(type -> "'" + type + "'").collect(Collectors.joining(", "));
            List<Sent> sent = check.stores().list(route.producer(), """
                            SELECT event_id, event_type, record_key,
                                   floor(extract(epoch FROM now() - sent_at))::bigint AS age_seconds
                            FROM outbox
                            WHERE sent_at IS NOT NULL AND sent_at < now() - make_interval(secs => ?)
                              AND event_type IN (%s)
                            ORDER BY id""".formatted(types),
                    row -> new Sent(row.getObject("event_id", UUID.class), row.getString("event_type"),
                            row.getString("record_key"), row.getLong("age_seconds")),
                    check.settings().outboxMaxAge().toMillis() / 1000.0);
            if (sent.isEmpty()) {
                continue;
            }
            Set<UUID> applied = new HashSet<>(check.stores().list(route.consumerStore(),
                    "SELECT event_id FROM inbox WHERE consumer = ?", row -> row.getObject("event_id", UUID.class),
                    route.consumer()));
            for (Sent event : sent) {
                if (!applied.contains(event.eventId())) {
                    violations.add(new Violation(route.producer().label() + " outbox event " + event.eventId(),
                            event.type() + " for " + event.key() + " was sent "
                                    + AuditReport.describe(Duration.ofSeconds(event.ageSeconds())) + " ago but "
                                    + route.consumer() + " (" + route.consumerStore().label() + " database) never applied it"));
                }
            }
        }
        return violations;
    }
}
