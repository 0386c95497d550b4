package dev.shopflow.localstack.lab;

import java.util.ArrayList;
import java.util.List;

/**
 * Lab 7: the gateway's circuit breaker to a service that was down opened and refused calls at once (a fast 503), and
 * a rate limit refused requests (429); both as the gateway counts them on its management port.
 */
final class GatewayFailsFastAndLimits implements LabCheck {

    @Override
    public int number() {
        return 7;
    }

    @Override
    public String title() {
        return "The gateway's circuit breaker and rate limit";
    }

    @Override
    public String page() {
        return "docs/labs/07-circuit-breaker-and-rate-limit.md";
    }

    @Override
    public List<Finding> check(LabEvidence evidence) {
        var findings = new ArrayList<Finding>();
        var metrics = evidence.metrics("gateway");
        if (metrics.isEmpty()) {
            findings.add(Finding.fail("the gateway's management port does not answer: is the gateway running?"
                    + " (./shopflow status)"));
            return findings;
        }
        var refused = LabEvidence.samples(metrics.get(), "resilience4j_circuitbreaker_not_permitted_calls_total");
        var opened = refused.entrySet().stream().filter(sample -> sample.getValue() > 0).toList();
        if (opened.isEmpty()) {
            findings.add(Finding.fail("no circuit breaker of the gateway has refused a call: kill a service and send it"
                    + " requests until the answers come back at once (steps 2-3)"));
        } else {
            opened.forEach(sample -> findings.add(Finding.pass("the breaker \"" + LabEvidence.label(sample.getKey(), "name")
                    + "\" opened and refused " + sample.getValue().longValue() + " call(s) at once, without trying the service")));
        }
        LabEvidence.samples(metrics.get(), "resilience4j_circuitbreaker_state").forEach((labels, value) -> {
            if (value > 0 && !LabEvidence.label(labels, "state").equals("closed")) {
                findings.add(Finding.note("the breaker \"" + LabEvidence.label(labels, "name") + "\" is "
                        + LabEvidence.label(labels, "state") + " now"));
            }
        });
        var limited = LabEvidence.samples(metrics.get(), "shopflow_gateway_rate_limited_total").entrySet().stream()
                .filter(sample -> sample.getValue() > 0).toList();
        if (limited.isEmpty()) {
            findings.add(Finding.fail("no request has been refused by a rate limit: send more than the limit allows"
                    + " (steps 1 and 5)"));
        } else {
            limited.forEach(sample -> findings.add(Finding.pass("the rate limit \"" + LabEvidence.label(sample.getKey(), "policy")
                    + "\" refused " + sample.getValue().longValue() + " request(s) with 429")));
        }
        return findings;
    }
}
