package dev.shopflow.localstack.audit;

import dev.shopflow.localstack.audit.Stores.Store;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One pass over the stores: what every invariant reads, with the orders and payments (which several invariants
 * compare against) read once per pass.
 */
final class AuditCheck {

    /** An order as order-service keeps it. */
    record OrderRow(UUID id, String status, String cancellationReason, long total, String currency) {

        boolean isFinal() {
            return status.equals("CONFIRMED") || status.equals("CANCELLED");
        }

        String describe() {
            return cancellationReason == null ? status : status + " (" + cancellationReason + ")";
        }
    }

    /** A payment as payment-service keeps it, with the status of its refund ({@code null}: none). */
    record PaymentRow(UUID id, UUID orderId, String status, long amount, String currency, String refundStatus) {

        /** Money taken and not given back. */
        boolean keptCharge() {
            return status.equals("SUCCEEDED") && !"SUCCEEDED".equals(refundStatus);
        }
    }

    private final Stores stores;
    private final AuditTarget target;
    private final AuditSettings settings;
    private Map<UUID, OrderRow> orders;
    private Map<UUID, List<PaymentRow>> payments;

    AuditCheck(Stores stores, AuditTarget target, AuditSettings settings) {
        this.stores = stores;
        this.target = target;
        this.settings = settings;
    }

    Stores stores() {
        return stores;
    }

    AuditTarget target() {
        return target;
    }

    AuditSettings settings() {
        return settings;
    }

    /** Every order by id. */
    Map<UUID, OrderRow> orders() throws SQLException {
        if (orders == null) {
            var byId = new LinkedHashMap<UUID, OrderRow>();
            stores.list(Store.ORDERS, """
                            SELECT id, status, cancellation_reason, total_amount, currency FROM orders ORDER BY created_at, id""",
                    row -> new OrderRow(row.getObject("id", UUID.class), row.getString("status"),
                            row.getString("cancellation_reason"), row.getLong("total_amount"), row.getString("currency")))
                    .forEach(order -> byId.put(order.id(), order));
            orders = byId;
        }
        return orders;
    }

    /** Every payment, by the order it is for. */
    Map<UUID, List<PaymentRow>> payments() throws SQLException {
        if (payments == null) {
            var byOrder = new HashMap<UUID, List<PaymentRow>>();
            stores.list(Store.PAYMENTS, """
                            SELECT p.id, p.order_id, p.status, p.amount, p.currency, r.status AS refund_status
                            FROM payments p LEFT JOIN refunds r ON r.payment_id = p.id
                            ORDER BY p.created_at, p.id""",
                    row -> new PaymentRow(row.getObject("id", UUID.class), row.getObject("order_id", UUID.class),
                            row.getString("status"), row.getLong("amount"), row.getString("currency"),
                            row.getString("refund_status")))
                    .forEach(payment -> byOrder.computeIfAbsent(payment.orderId(), id -> new ArrayList<>()).add(payment));
            payments = byOrder;
        }
        return payments;
    }
}
