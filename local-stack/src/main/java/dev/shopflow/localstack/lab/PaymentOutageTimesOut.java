package dev.shopflow.localstack.lab;

import java.util.ArrayList;
import java.util.List;

/** Lab 2: with payment-service down, an order waited, timed out, and its stock came back; nothing stayed charged. */
final class PaymentOutageTimesOut implements LabCheck {

    @Override
    public int number() {
        return 2;
    }

    @Override
    public String title() {
        return "payment-service down: orders wait, time out, stock returns";
    }

    @Override
    public String page() {
        return "docs/labs/02-payment-service-down.md";
    }

    @Override
    public List<Finding> check(LabEvidence evidence) throws Exception {
        var findings = new ArrayList<Finding>();
        var timedOut = evidence.newestOrder("status = 'CANCELLED' AND cancellation_reason = 'TIMED_OUT'");
        if (timedOut.isEmpty()) {
            var waiting = evidence.newestOrder("status IN ('PENDING', 'AWAITING_PAYMENT')");
            findings.add(Finding.fail("no order has timed out yet" + waiting.map(order -> " (" + order.describe()
                    + " is still waiting: its time-out, ORDER_DEADLINE, has not passed)").orElse(
                    ": kill payment-service, place an order, and wait for the time-out (steps 1-4)")));
            return findings;
        }
        var order = timedOut.get();
        findings.add(Finding.pass(order.describe() + ": it waited for a payment until its time-out"));
        var timeline = evidence.timeline(order.id());
        if (LabEvidence.inOrder(timeline, "STOCK_RESERVED@catalog-service", "PAYMENT_REQUESTED@order-service",
                "ORDER_CANCELLED@order-service")) {
            findings.add(Finding.pass("its timeline: " + LabEvidence.describe(timeline)));
        } else {
            findings.add(Finding.fail("its timeline does not show stock reserved, a payment requested and then the"
                    + " cancellation: " + LabEvidence.describe(timeline)
                    + " (an order that never had stock is no outage of payment-service)"));
        }
        var reserved = evidence.reservations(order.id());
        if (reserved.containsKey("RESERVED") || !reserved.containsKey("RELEASED")) {
            findings.add(Finding.fail("catalog-service has not given its stock back yet: " + reserved
                    + " (is catalog-service running? it applies OrderCancelled)"));
        } else {
            findings.add(Finding.pass("the stock came back: " + reserved.get("RELEASED") + " unit(s) RELEASED by catalog-service"));
        }
        var payment = evidence.payment(order.id());
        if (payment.isEmpty()) {
            findings.add(Finding.pass("nothing was charged: payment-service has not seen the order yet (restart it, step 6,"
                    + " to see a cancellation win)"));
        } else {
            findings.add(switch (payment.get()[0]) {
                case "FAILED" -> Finding.pass("payment-service, back, did not charge the cancelled order: its payment FAILED");
                case "REFUNDED" -> Finding.pass("payment-service, back, charged before it read the cancellation, and"
                        + " refunded at once: its payment is REFUNDED");
                default -> Finding.fail("payment-service has a " + payment.get()[0] + " payment for the cancelled order;"
                        + " a cancellation wins: check again in a moment");
            });
        }
        return findings;
    }
}
