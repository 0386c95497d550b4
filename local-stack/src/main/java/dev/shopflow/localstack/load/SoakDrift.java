package dev.shopflow.localstack.load;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Whether a soak run drifted: the soak script tags its measurements with the run's phase (early: the first quarter,
 * late: the last), and the launcher samples the stack's memory during the run. Latency drifted when a late p95 is
 * above 1.5 times the early one plus a little slack; memory drifted when the stack is more than 10 % bigger at the
 * end than after the first quarter (JVM heaps grow until they are warm, so the start is no fair comparison).
 */
record SoakDrift(List<String> lines, List<String> drifts) {

    static final double LATENCY_FACTOR = 1.5;
    static final double MEMORY_FACTOR = 1.10;

    static SoakDrift of(K6Summary summary, List<MemorySample> memory, double loadStartSeconds, double loadEndSeconds) {
        var lines = new ArrayList<String>();
        var drifts = new ArrayList<String>();
        compareLatency(summary, "http_req_duration", "requests", 50, lines, drifts);
        compareLatency(summary, "place_to_confirmed", "place→confirmed", 250, lines, drifts);
        double quarter = loadStartSeconds + (loadEndSeconds - loadStartSeconds) / 4;
        var early = memory.stream().filter(sample -> sample.secondsIntoRun() >= quarter).findFirst();
        var late = memory.stream().filter(sample -> sample.secondsIntoRun() <= loadEndSeconds).reduce((first, second) -> second);
        if (early.isPresent() && late.isPresent() && late.get().secondsIntoRun() > early.get().secondsIntoRun()) {
            long before = early.get().megabytes();
            long after = late.get().megabytes();
            String line = String.format("memory            after a quarter %,d MB   at the end %,d MB   (%+.1f %%)", before, after,
                    100.0 * (after - before) / before);
            lines.add(line);
            if (after > before * MEMORY_FACTOR) {
                drifts.add("the stack's memory grew by more than 10 % after the first quarter");
            }
        } else {
            lines.add("memory            not sampled often enough to compare (or not on Linux)");
        }
        return new SoakDrift(List.copyOf(lines), List.copyOf(drifts));
    }

    private static void compareLatency(K6Summary summary, String metric, String label, double slackMillis,
            List<String> lines, List<String> drifts) {
        OptionalDouble early = summary.value(metric + "{phase:early}", "p(95)");
        OptionalDouble late = summary.value(metric + "{phase:late}", "p(95)");
        if (early.isEmpty() || late.isEmpty()) {
            lines.add(String.format("%-17s no early and late p95 to compare", label));
            return;
        }
        lines.add(String.format("%-17s p95 early %s   late %s", label, LoadReport.millis(early.getAsDouble()),
                LoadReport.millis(late.getAsDouble())));
        if (late.getAsDouble() > early.getAsDouble() * LATENCY_FACTOR + slackMillis) {
            drifts.add(label + " p95 drifted from " + LoadReport.millis(early.getAsDouble()) + " to "
                    + LoadReport.millis(late.getAsDouble()));
        }
    }

    boolean drifted() {
        return !drifts.isEmpty();
    }

    /** The stack's resident memory at a moment of the run. */
    record MemorySample(double secondsIntoRun, long megabytes) {
    }
}
