package dev.shopflow.localstack.load;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The steps of a capacity run, read from the summary: the capacity script tags everything it measures with its
 * step, {@code NN_at_RATE_for_Ss}, and gives each step thresholds of its own. A step held when it confirmed orders
 * and none of its thresholds was crossed.
 */
record CapacitySteps(List<Step> steps) {

    private static final Pattern TAG = Pattern.compile("(\\d+)_at_([0-9.]+)_for_(\\d+)s");

    /**
     * @param targetRate checkouts started per second during the step
     * @param confirmedPerSecond orders placed in the step and confirmed, per second of the step
     * @param p50Millis place→confirmed median of the step's orders, NaN when none was confirmed (also p95, p99)
     * @param requestP95Millis p95 of the step's HTTP requests
     * @param failedShare the share of the step's HTTP requests that failed
     * @param reached whether the run got as far as this step (it stops at the first step that breaks)
     */
    record Step(int number, double targetRate, int seconds, double confirmedPerSecond, double p50Millis,
            double p95Millis, double p99Millis, double requestP95Millis, double failedShare, boolean reached,
            boolean held) {
    }

    static CapacitySteps from(K6Summary summary) {
        var steps = new ArrayList<Step>();
        summary.byTag("orders_confirmed", "step").forEach((tag, confirmed) -> {
            Matcher parts = TAG.matcher(tag);
            if (!parts.matches()) {
                return;
            }
            int seconds = Integer.parseInt(parts.group(3));
            double count = confirmed.value("count").orElse(0);
            String selector = "{step:" + tag + "}";
            var latency = summary.metric("place_to_confirmed" + selector);
            double[] percentiles = {Double.NaN, Double.NaN, Double.NaN};
            if (count > 0 && latency.isPresent()) {
                percentiles = new double[] {latency.get().value("med").orElse(Double.NaN),
                        latency.get().value("p(95)").orElse(Double.NaN), latency.get().value("p(99)").orElse(Double.NaN)};
            }
            boolean crossed = confirmed.crossed() || latency.map(K6Summary.Metric::crossed).orElse(false)
                    || summary.metric("http_req_failed" + selector).map(K6Summary.Metric::crossed).orElse(false)
                    || summary.metric("orders_unfinished" + selector).map(K6Summary.Metric::crossed).orElse(false);
            boolean reached = summary.value("http_req_duration" + selector, "count").orElse(0) > 0;
            steps.add(new Step(Integer.parseInt(parts.group(1)), Double.parseDouble(parts.group(2)), seconds,
                    count / seconds, percentiles[0], percentiles[1], percentiles[2],
                    reached ? summary.value("http_req_duration" + selector, "p(95)").orElse(Double.NaN) : Double.NaN,
                    summary.value("http_req_failed" + selector, "value").orElse(0), reached,
                    count > 0 && !crossed));
        });
        steps.sort(Comparator.comparingInt(Step::number));
        return new CapacitySteps(List.copyOf(steps));
    }

    /** The last step that held, provided every step before it held too (the rate that was sustained). */
    Optional<Step> highestHeld() {
        Step highest = null;
        for (Step step : steps) {
            if (!step.held()) {
                break;
            }
            highest = step;
        }
        return Optional.ofNullable(highest);
    }
}
