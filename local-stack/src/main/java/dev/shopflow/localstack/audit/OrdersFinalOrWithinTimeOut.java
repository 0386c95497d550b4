package dev.shopflow.localstack.audit;

import dev.shopflow.localstack.audit.Stores.Store;
import java.time.Duration;
import java.util.List;

/**
 * Every order reaches CONFIRMED or CANCELLED: one still open (PENDING, AWAITING_PAYMENT) must be younger than
 * order-service's time-out, plus one sweep of the job that cancels overdue orders as TIMED_OUT.
 */
final class OrdersFinalOrWithinTimeOut implements Invariant {

    @Override
    public String name() {
        return "orders-final-or-within-time-out";
    }

    @Override
    public String rule() {
        return "every order is CONFIRMED or CANCELLED, or younger than its time-out";
    }

    @Override
    public List<Violation> check(AuditCheck check) throws Exception {
        Duration limit = check.settings().openOrderLimit();
        // The database's clock: the same one that stamped created_at.
        return check.stores().list(Store.ORDERS, """
                        SELECT id, status, floor(extract(epoch FROM now() - created_at))::bigint AS age_seconds
                        FROM orders
                        WHERE status IN ('PENDING', 'AWAITING_PAYMENT') AND created_at < now() - make_interval(secs => ?)
                        ORDER BY created_at, id""",
                row -> new Violation("order " + row.getObject("id"), "still " + row.getString("status") + " "
                        + AuditReport.describe(Duration.ofSeconds(row.getLong("age_seconds")))
                        + " after it was placed; " + (check.settings().everyOrderMustBeFinal() ? "every order must be final by now"
                        : "its time-out is " + AuditReport.describe(check.settings().orderDeadline()))),
                limit.toMillis() / 1000.0);
    }
}
