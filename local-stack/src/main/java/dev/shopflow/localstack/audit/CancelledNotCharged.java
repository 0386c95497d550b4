package dev.shopflow.localstack.audit;

import dev.shopflow.localstack.audit.AuditCheck.OrderRow;
import dev.shopflow.localstack.audit.AuditCheck.PaymentRow;
import java.util.ArrayList;
import java.util.List;

/** A CANCELLED order keeps no money: it has no payment, a failed one, or a refunded one. */
final class CancelledNotCharged implements Invariant {

    @Override
    public String name() {
        return "cancelled-not-charged";
    }

    @Override
    public String rule() {
        return "CANCELLED ⇒ no payment, a failed one, or a refunded one";
    }

    @Override
    public List<Violation> check(AuditCheck check) throws Exception {
        var violations = new ArrayList<Violation>();
        for (OrderRow order : check.orders().values()) {
            if (!order.status().equals("CANCELLED")) {
                continue;
            }
            for (PaymentRow payment : check.payments().getOrDefault(order.id(), List.of())) {
                if (payment.keptCharge()) {
                    violations.add(new Violation("order " + order.id(), order.describe() + " but payment "
                            + payment.id() + " charged " + ConfirmedIffPaidOnce.money(payment.amount(), payment.currency())
                            + " and was not refunded" + (payment.refundStatus() == null ? "" : " (refund "
                            + payment.refundStatus() + ")")));
                } else if (payment.status().equals("PENDING")) {
                    violations.add(new Violation("order " + order.id(), order.describe() + " but payment "
                            + payment.id() + " is still PENDING: a charge may yet be taken"));
                }
            }
        }
        return violations;
    }
}
