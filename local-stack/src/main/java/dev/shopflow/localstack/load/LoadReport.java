package dev.shopflow.localstack.load;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The one-screen text summary printed after a load run, from k6's summary: requests, failures, orders and their
 * place→confirmed latency, p50/p95/p99 per endpoint tag, the stack's memory, and for a capacity run each step and
 * the highest rate that held, for a soak run whether latency or memory drifted.
 *
 * @param k6ExitCode k6's exit code (0 passed, 99 thresholds crossed, anything else: the run itself failed)
 * @param loadSeconds how long the load was meant to last (without the setup's sign-ups): orders per second use it
 * @param memoryBefore the stack's resident megabytes before the run (also peak and after), empty if unknown
 * @param soakDrift the drift check of a soak run, {@code null} for other scenarios
 */
record LoadReport(Scenario scenario, K6Summary summary, int k6ExitCode, long loadSeconds, OptionalLong memoryBefore,
        OptionalLong memoryPeak, OptionalLong memoryAfter, String folder, SoakDrift soakDrift) {

    private static final List<String> PHASE_ORDER = List.of("before", "spike", "after", "early", "middle", "late");

    /** k6's exit code when thresholds were crossed. */
    static final int THRESHOLDS_CROSSED = 99;
    /** k6's exit code when the script stopped the test ({@code exec.test.abort}), as the capacity script does. */
    static final int SCRIPT_ABORTED = 108;

    /**
     * Whether the run passed: k6 passed and nothing drifted; a capacity run passes when its first step held, whether
     * it ended with a broken step (thresholds crossed) or was stopped early by the script (past capacity).
     */
    boolean passed() {
        if (scenario == Scenario.CAPACITY) {
            return (k6ExitCode == 0 || k6ExitCode == THRESHOLDS_CROSSED || k6ExitCode == SCRIPT_ABORTED)
                    && CapacitySteps.from(summary).highestHeld().isPresent();
        }
        return k6ExitCode == 0 && (soakDrift == null || !soakDrift.drifted());
    }

    void print(PrintStream out) {
        out.println();
        out.printf("Load run: %s — %s%n", scenario.id(), verdict());
        // k6's rates are per second of the whole run, the setup's sign-ups included.
        double requestRate = summary.value("http_reqs", "rate").orElse(0);
        double seconds = requestRate > 0 ? summary.value("http_reqs", "count").orElse(0) / requestRate : 0;
        out.printf(Locale.ROOT, "  requests  %,.0f in %.0f s (%.1f/s) · failed %.2f %% · rate-limited (429) %,.0f · checks %.2f %%%n",
                summary.value("http_reqs", "count").orElse(0), seconds, requestRate,
                100 * summary.value("http_req_failed", "value").orElse(0), summary.value("rate_limited", "count").orElse(0),
                100 * summary.value("checks", "value").orElse(1));
        if (summary.metric("orders_placed").isPresent()) {
            printOrders(out);
        }
        if (scenario == Scenario.CAPACITY) {
            printCapacity(out);
        } else {
            printEndpoints(out);
            printPhases(out);
        }
        if (soakDrift != null) {
            out.println();
            soakDrift.lines().forEach(line -> out.println("  " + line));
            soakDrift.drifts().forEach(drift -> out.println("  ✗ drift: " + drift));
        }
        out.println();
        out.printf("  stack memory  before %s · peak %s · after %s%n", megabytes(memoryBefore), megabytes(memoryPeak),
                megabytes(memoryAfter));
        var crossed = summary.crossedThresholds();
        if (!crossed.isEmpty() && scenario != Scenario.CAPACITY) {
            out.println("  crossed thresholds: " + String.join("; ", crossed.subList(0, Math.min(crossed.size(), 6)))
                    + (crossed.size() > 6 ? "; …" : ""));
        }
        if (summary.value("rate_limited", "count").orElse(0) > 0) {
            out.println("  ! requests were rate-limited by the gateway: see \"Rate limits\" in load-tests/README.md");
        }
        out.println("  files   " + folder + "  (report.html: charts · summary.json: k6's summary · k6.log · memory.csv)");
    }

    private String verdict() {
        if (scenario == Scenario.CAPACITY) {
            return passed() ? "found the highest rate that held" : "no step held (k6 exit " + k6ExitCode + ")";
        }
        if (k6ExitCode == 0) {
            return soakDrift != null && soakDrift.drifted() ? "thresholds passed, but it drifted" : "every threshold passed";
        }
        return k6ExitCode == THRESHOLDS_CROSSED ? "THRESHOLDS CROSSED" : "k6 failed (exit " + k6ExitCode + "; see k6.log)";
    }

    private void printOrders(PrintStream out) {
        double confirmed = summary.value("orders_confirmed", "count").orElse(0);
        var cancelled = new StringBuilder();
        summary.byTag("orders_cancelled", "reason").forEach((reason, metric) -> {
            double count = metric.value("count").orElse(0);
            if (count > 0) {
                cancelled.append(String.format(Locale.ROOT, ", %s %,.0f", reason, count));
            }
        });
        out.printf(Locale.ROOT, "  orders    %,.0f placed · %,.0f confirmed (%.2f/s) · cancelled %,.0f%s · unfinished %,.0f · unexpected %,.0f%n",
                summary.value("orders_placed", "count").orElse(0), confirmed, loadSeconds > 0 ? confirmed / loadSeconds : 0,
                summary.value("orders_cancelled", "count").orElse(0), cancelled.isEmpty() ? "" : " (" + cancelled.substring(2) + ")",
                summary.value("orders_unfinished", "count").orElse(0), summary.value("orders_unexpected", "count").orElse(0));
        if (confirmed > 0) {
            out.printf("  place→confirmed  p50 %s · p95 %s · p99 %s · max %s%n", stat("place_to_confirmed", "med"),
                    stat("place_to_confirmed", "p(95)"), stat("place_to_confirmed", "p(99)"), stat("place_to_confirmed", "max"));
        }
    }

    private void printEndpoints(PrintStream out) {
        Map<String, K6Summary.Metric> endpoints = new java.util.TreeMap<>(summary.byTag("http_req_duration", "endpoint"));
        if (endpoints.isEmpty()) {
            return;
        }
        out.println();
        String format = "  %-28s %8s %9s %9s %9s  %s%n";
        out.printf(format, "ENDPOINT", "REQUESTS", "p50", "p95", "p99", "THRESHOLD");
        endpoints.forEach((endpoint, metric) -> out.printf(format, endpoint,
                String.format(Locale.ROOT, "%,.0f", metric.value("count").orElse(0)),
                millis(metric.value("med")), millis(metric.value("p(95)")), millis(metric.value("p(99)")),
                thresholds(metric)));
    }

    /** Spike and soak tag their measurements with a phase (before, spike, after; early, late): one line each. */
    private void printPhases(PrintStream out) {
        var requests = summary.byTag("http_req_duration", "phase");
        var orders = summary.byTag("place_to_confirmed", "phase");
        var phases = PHASE_ORDER.stream().filter(phase -> requests.containsKey(phase) || orders.containsKey(phase)).toList();
        if (phases.isEmpty()) {
            return;
        }
        out.println();
        String format = "  %-8s %9s %9s %10s %14s %9s %9s%n";
        out.printf(format, "PHASE", "HTTP p50", "HTTP p95", "CONFIRMED", "place→conf p50", "p95", "p99");
        for (String phase : phases) {
            var request = requests.get(phase);
            var order = orders.get(phase);
            out.printf(format, phase, request == null ? "-" : millis(request.value("med")),
                    request == null ? "-" : millis(request.value("p(95)")),
                    summary.value("orders_confirmed{phase:" + phase + "}", "count").isPresent()
                            ? String.format(Locale.ROOT, "%,.0f", summary.value("orders_confirmed{phase:" + phase + "}", "count").getAsDouble())
                            : order == null ? "-" : String.format(Locale.ROOT, "%,.0f", order.value("count").orElse(0)),
                    order == null ? "-" : millis(order.value("med")), order == null ? "-" : millis(order.value("p(95)")),
                    order == null ? "-" : millis(order.value("p(99)")));
        }
    }

    private void printCapacity(PrintStream out) {
        var steps = CapacitySteps.from(summary);
        out.println();
        String format = "  %-4s %9s %12s %9s %9s %9s %9s %7s  %s%n";
        out.printf(format, "STEP", "TARGET/s", "CONFIRMED/s", "p50", "p95", "p99", "HTTP p95", "FAILED", "");
        for (var step : steps.steps()) {
            out.printf(Locale.ROOT, format, step.number(), String.format(Locale.ROOT, "%.1f", step.targetRate()),
                    String.format(Locale.ROOT, "%.2f", step.confirmedPerSecond()), millis(step.p50Millis()),
                    millis(step.p95Millis()), millis(step.p99Millis()), millis(step.requestP95Millis()),
                    String.format(Locale.ROOT, "%.1f%%", 100 * step.failedShare()),
                    !step.reached() ? "not reached" : step.held() ? "✓ held" : "✗ broke");
        }
        out.println();
        out.println(steps.highestHeld()
                .map(step -> String.format(Locale.ROOT, "  Highest rate that held: %.1f checkouts/s started, %.2f confirmed orders/s"
                        + " (place→confirmed p95 %s)", step.targetRate(), step.confirmedPerSecond(), millis(step.p95Millis())))
                .orElse("  No step held: even the first rate was too much (try a lower --rate)."));
    }

    private String stat(String key, String stat) {
        return millis(summary.value(key, stat));
    }

    private static String thresholds(K6Summary.Metric metric) {
        if (metric.thresholds().isEmpty()) {
            return "";
        }
        var text = new StringBuilder();
        metric.thresholds().forEach((expression, crossed) -> text.append(crossed ? "✗ " : "✓ ").append(expression).append(' '));
        return text.toString().strip();
    }

    static String millis(OptionalDouble value) {
        return value.isPresent() ? millis(value.getAsDouble()) : "-";
    }

    /** {@code 12.3 ms}, {@code 412 ms}, {@code 1.24 s}. */
    static String millis(double value) {
        if (Double.isNaN(value)) {
            return "-";
        }
        if (value < 100) {
            return String.format(Locale.ROOT, "%.1f ms", value);
        }
        return value < 1000 ? String.format(Locale.ROOT, "%.0f ms", value) : String.format(Locale.ROOT, "%.2f s", value / 1000);
    }

    private static String megabytes(OptionalLong value) {
        return value.isPresent() ? String.format(Locale.ROOT, "%,d MB", value.getAsLong()) : "unknown";
    }
}
