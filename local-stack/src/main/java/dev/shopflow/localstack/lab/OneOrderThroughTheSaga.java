package dev.shopflow.localstack.lab;

import java.util.ArrayList;
import java.util.List;

/** Lab 1: one order went through every step of the saga, and every service's store shows its part. */
final class OneOrderThroughTheSaga implements LabCheck {

    @Override
    public int number() {
        return 1;
    }

    @Override
    public String title() {
        return "One order through the saga, and its timeline";
    }

    @Override
    public String page() {
        return "docs/labs/01-one-order-through-the-saga.md";
    }

    @Override
    public List<Finding> check(LabEvidence evidence) throws Exception {
        var findings = new ArrayList<Finding>();
        var confirmed = evidence.newestOrder("status = 'CONFIRMED'");
        if (confirmed.isEmpty()) {
            var newest = evidence.newestOrder("true");
            findings.add(Finding.fail("no CONFIRMED order yet" + newest.map(order -> " (the newest is " + order.describe() + ")").orElse("")
                    + ": check out a cart with pm_card_visa (step 3)"));
            return findings;
        }
        var order = confirmed.get();
        findings.add(Finding.pass(order.describe() + ", placed " + order.createdAt()));
        var timeline = evidence.timeline(order.id());
        if (LabEvidence.inOrder(timeline, "ORDER_PLACED@order-service", "STOCK_RESERVED@catalog-service",
                "PAYMENT_REQUESTED@order-service", "PAYMENT_SUCCEEDED@payment-service", "ORDER_CONFIRMED@order-service")) {
            findings.add(Finding.pass("its timeline: " + LabEvidence.describe(timeline)));
        } else {
            findings.add(Finding.fail("its timeline lacks a step of the saga: " + LabEvidence.describe(timeline)));
        }
        var reserved = evidence.reservations(order.id());
        if (reserved.getOrDefault("COMMITTED", 0) > 0 && !reserved.containsKey("RESERVED")) {
            findings.add(Finding.pass("catalog-service took the stock for good: " + reserved.get("COMMITTED") + " unit(s) COMMITTED"));
        } else {
            findings.add(Finding.fail("catalog-service's reservation for it is " + reserved + ", not COMMITTED"));
        }
        var payment = evidence.payment(order.id());
        if (payment.isPresent() && payment.get()[0].equals("SUCCEEDED")) {
            findings.add(Finding.pass("payment-service charged it once: payment SUCCEEDED"));
        } else {
            findings.add(Finding.fail("payment-service has " + payment.map(p -> "a " + p[0] + " payment").orElse("no payment")
                    + " for it"));
        }
        return findings;
    }
}
