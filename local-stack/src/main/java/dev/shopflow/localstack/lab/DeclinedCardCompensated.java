package dev.shopflow.localstack.lab;

import java.util.ArrayList;
import java.util.List;

/** Lab 6: a declined card cancelled the order, and the saga compensated: the reserved stock went back. */
final class DeclinedCardCompensated implements LabCheck {

    @Override
    public int number() {
        return 6;
    }

    @Override
    public String title() {
        return "A declined card, and the compensation";
    }

    @Override
    public String page() {
        return "docs/labs/06-declined-card.md";
    }

    @Override
    public List<Finding> check(LabEvidence evidence) throws Exception {
        var findings = new ArrayList<Finding>();
        var declined = evidence.newestOrder("status = 'CANCELLED' AND cancellation_reason = 'PAYMENT_DECLINED'");
        if (declined.isEmpty()) {
            findings.add(Finding.fail("no order was cancelled for a declined payment yet: check out with"
                    + " pm_card_chargeDeclined (step 2)"));
            return findings;
        }
        var order = declined.get();
        findings.add(Finding.pass(order.describe()));
        var timeline = evidence.timeline(order.id());
        if (LabEvidence.inOrder(timeline, "STOCK_RESERVED@catalog-service", "PAYMENT_FAILED@payment-service",
                "ORDER_CANCELLED@order-service")) {
            String reason = timeline.stream().filter(step -> step.step().equals("PAYMENT_FAILED")).map(LabEvidence.Step::detail)
                    .filter(java.util.Objects::nonNull).findFirst().orElse("no decline code");
            findings.add(Finding.pass("its timeline: " + LabEvidence.describe(timeline) + "; the decline: " + reason));
        } else {
            findings.add(Finding.fail("its timeline lacks stock reserved, payment failed or the cancellation: "
                    + LabEvidence.describe(timeline)));
        }
        var payment = evidence.payment(order.id());
        if (payment.isPresent() && payment.get()[0].equals("FAILED")) {
            findings.add(Finding.pass("payment-service recorded the decline: payment FAILED"
                    + (payment.get()[1] == null ? "" : ", decline code " + payment.get()[1])));
        } else {
            findings.add(Finding.fail("payment-service has " + payment.map(p -> "a " + p[0] + " payment").orElse("no payment")
                    + " for it, not a FAILED one"));
        }
        var reserved = evidence.reservations(order.id());
        if (reserved.containsKey("RESERVED") || !reserved.containsKey("RELEASED")) {
            findings.add(Finding.fail("catalog-service has not given the stock back yet: " + reserved));
        } else {
            findings.add(Finding.pass("the compensation: catalog-service RELEASED " + reserved.get("RELEASED")
                    + " unit(s) it had reserved"));
        }
        return findings;
    }
}
