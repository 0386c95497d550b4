package dev.shopflow.localstack.audit;

import dev.shopflow.localstack.audit.AuditCheck.OrderRow;
import dev.shopflow.localstack.audit.AuditCheck.PaymentRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * An order is CONFIRMED if and only if exactly one payment of its total succeeded and was not refunded: a confirmed
 * order is paid in full once, and money kept is kept for a confirmed order. (Money kept for a CANCELLED order is
 * {@link CancelledNotCharged}'s to report.)
 */
final class ConfirmedIffPaidOnce implements Invariant {

    @Override
    public String name() {
        return "confirmed-iff-paid-once";
    }

    @Override
    public String rule() {
        return "CONFIRMED ⇔ exactly one succeeded payment of the order's total, not refunded";
    }

    @Override
    public List<Violation> check(AuditCheck check) throws Exception {
        Map<UUID, OrderRow> orders = check.orders();
        Map<UUID, List<PaymentRow>> payments = check.payments();
        var violations = new ArrayList<Violation>();
        for (OrderRow order : orders.values()) {
            if (order.status().equals("CONFIRMED")) {
                problemOfConfirmed(order, payments.getOrDefault(order.id(), List.of()))
                        .ifPresent(problem -> violations.add(new Violation("order " + order.id(), problem)));
            }
        }
        payments.values().stream().flatMap(List::stream).filter(PaymentRow::keptCharge).forEach(payment -> {
            OrderRow order = orders.get(payment.orderId());
            if (order == null) {
                violations.add(new Violation("order " + payment.orderId(), "payment " + payment.id() + " charged "
                        + money(payment.amount(), payment.currency()) + " for it, but order-service has no such order"));
            } else if (!order.isFinal()) {
                violations.add(new Violation("order " + order.id(), "payment " + payment.id() + " charged "
                        + money(payment.amount(), payment.currency()) + " but the order is still " + order.status()));
            }
        });
        return violations;
    }

    private static Optional<String> problemOfConfirmed(OrderRow order, List<PaymentRow> payments) {
        if (payments.isEmpty()) {
            return Optional.of("CONFIRMED without a payment");
        }
        if (payments.size() > 1) {
            return Optional.of("CONFIRMED with " + payments.size() + " payments: "
                    + payments.stream().map(payment -> payment.id() + " " + payment.status()).toList());
        }
        PaymentRow payment = payments.getFirst();
        if (!payment.status().equals("SUCCEEDED")) {
            return Optional.of("CONFIRMED but its payment " + payment.id() + " is " + payment.status());
        }
        if (payment.refundStatus() != null) {
            return Optional.of("CONFIRMED but its payment " + payment.id() + " has a refund ("
                    + payment.refundStatus() + ")");
        }
        if (payment.amount() != order.total() || !payment.currency().equals(order.currency())) {
            return Optional.of("CONFIRMED for " + money(order.total(), order.currency()) + " but its payment "
                    + payment.id() + " is " + money(payment.amount(), payment.currency()));
        }
        return Optional.empty();
    }

    static String money(long minorUnits, String currency) {
        return minorUnits + " " + currency + " (minor units)";
    }
}
