package dev.shopflow.localstack.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The one-screen summary printed after a load run, from k6's summary export. */
class LoadReportTest {

    static K6Summary summary(String name) throws IOException {
        try (var in = LoadReportTest.class.getResourceAsStream("/load/" + name)) {
            return K6Summary.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static String printed(LoadReport report) {
        var bytes = new ByteArrayOutputStream();
        report.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void readsMetricsSubMetricsAndWhichThresholdsWereCrossed() throws IOException {
        var summary = summary("checkout-summary.json");

        assertThat(summary.value("http_req_duration{endpoint:cart_add}", "p(95)")).hasValue(63.5);
        assertThat(summary.byTag("orders_cancelled", "reason")).containsOnlyKeys("PAYMENT_DECLINED", "OUT_OF_STOCK", "TIMED_OUT");
        assertThat(summary.crossedThresholds()).containsExactly(
                "orders_unexpected: count==0", "http_req_duration{endpoint:order_place}: p(95)<1000");
    }

    @Test
    void printsRequestsOrdersLatencyPerEndpointMemoryAndTheCrossedThresholds() throws IOException {
        var report = new LoadReport(Scenario.CHECKOUT, summary("checkout-summary.json"), 99, 60,
                OptionalLong.of(1430), OptionalLong.of(1650), OptionalLong.of(1602), ".shopflow/load/20261201-050000-checkout", null);

        String text = printed(report);

        assertThat(report.passed()).isFalse();
        assertThat(text).contains("Load run: checkout — THRESHOLDS CROSSED")
                .contains("requests  3,000 in 60 s (50.0/s) · failed 0.10 % · rate-limited (429) 0 · checks 99.67 %")
                .contains("orders    180 placed · 150 confirmed (2.50/s) · cancelled 25 (PAYMENT_DECLINED 17, OUT_OF_STOCK 8)"
                        + " · unfinished 0 · unexpected 5")
                .contains("place→confirmed  p50 413 ms · p95 1.25 s · p99 2.10 s · max 2.40 s")
                .containsPattern("cart_add +360 +21.3 ms +63.5 ms +180 ms +✓ p\\(95\\)<1000")
                .containsPattern("order_place +180 +75.0 ms +1.23 s +1.80 s +✗ p\\(95\\)<1000")
                .contains("stack memory  before 1,430 MB · peak 1,650 MB · after 1,602 MB")
                .contains("crossed thresholds: orders_unexpected: count==0; http_req_duration{endpoint:order_place}: p(95)<1000")
                .contains("files   .shopflow/load/20261201-050000-checkout");
        assertThat(text.lines().count()).as("one screen").isLessThan(40);
    }

    @Test
    void aRunThatPassedEveryThresholdPassesAndSaysSo() throws IOException {
        var report = new LoadReport(Scenario.SMOKE, K6Summary.parse("{\"metrics\":{\"http_reqs\":{\"count\":10,\"rate\":1}}}"), 0,
                20, OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(), "x", null);

        assertThat(report.passed()).isTrue();
        assertThat(printed(report)).contains("Load run: smoke — every threshold passed").contains("before unknown");
    }

    @Test
    void aSpikeRunShowsEachPhaseInItsOrder() {
        var summary = K6Summary.parse("""
                {"metrics": {
                  "http_req_duration{phase:after}": {"med": 227, "p(95)": 1500, "count": 681},
                  "http_req_duration{phase:before}": {"med": 116, "p(95)": 904, "count": 436},
                  "http_req_duration{phase:spike}": {"med": 1344, "p(95)": 27194, "count": 1791},
                  "orders_confirmed{phase:before}": {"count": 32}, "orders_confirmed{phase:spike}": {"count": 126},
                  "orders_confirmed{phase:after}": {"count": 54},
                  "place_to_confirmed{phase:after}": {"med": 1430, "p(95)": 2253, "p(99)": 2745, "count": 54},
                  "place_to_confirmed{phase:before}": {"med": 916, "p(95)": 1687, "p(99)": 1837, "count": 32},
                  "place_to_confirmed{phase:spike}": {"med": 28811, "p(95)": 44195, "p(99)": 44861, "count": 126}}}""");
        var report = new LoadReport(Scenario.SPIKE, summary, 0, 82, OptionalLong.empty(), OptionalLong.empty(),
                OptionalLong.empty(), "x", null);

        assertThat(printed(report)).containsPattern("(?s)before +116 ms +904 ms +32 +916 ms +1.69 s +1.84 s.*"
                + "spike +1.34 s +27.19 s +126 +28.81 s +44.20 s +44.86 s.*after +227 ms +1.50 s +54 +1.43 s +2.25 s +2.75 s");
    }

    @Test
    void aCapacityRunShowsEveryStepAndTheHighestRateThatHeld() throws IOException {
        var summary = summary("capacity-summary.json");
        var report = new LoadReport(Scenario.CAPACITY, summary, 99, 200, OptionalLong.empty(), OptionalLong.empty(),
                OptionalLong.empty(), "x", null);

        var steps = CapacitySteps.from(summary).steps();
        String text = printed(report);

        assertThat(steps).extracting(CapacitySteps.Step::held).containsExactly(true, true, false, false);
        assertThat(steps).extracting(CapacitySteps.Step::reached).containsExactly(true, true, true, false);
        assertThat(report.passed()).as("a capacity run ends when a step breaks").isTrue();
        assertThat(new LoadReport(Scenario.CAPACITY, summary, 108, 200, OptionalLong.empty(), OptionalLong.empty(),
                OptionalLong.empty(), "x", null).passed()).as("or when the script stops it past capacity").isTrue();
        assertThat(new LoadReport(Scenario.CAPACITY, summary, 107, 200, OptionalLong.empty(), OptionalLong.empty(),
                OptionalLong.empty(), "x", null).passed()).as("but not when the script failed").isFalse();
        assertThat(text).containsPattern("2 +3.0 +2.95 +650 ms +1.50 s +1.85 s +70.0 ms +0.0% +✓ held")
                .containsPattern("3 +4.5 +3.50 +2.40 s +4.50 s +5.80 s +400 ms +0.2% +✗ broke")
                .containsPattern("4 +6.8 +0.00 .* not reached")
                .contains("Highest rate that held: 3.0 checkouts/s started, 2.95 confirmed orders/s (place→confirmed p95 1.50 s)");
    }

    @Test
    void aCapacityRunWhoseFirstStepBrokeFails() throws IOException {
        String broken = new String(LoadReportTest.class.getResourceAsStream("/load/capacity-summary.json").readAllBytes(),
                StandardCharsets.UTF_8).replace("\"count>=36\": false", "\"count>=36\": true");
        var report = new LoadReport(Scenario.CAPACITY, K6Summary.parse(broken), 99, 200, OptionalLong.empty(),
                OptionalLong.empty(), OptionalLong.empty(), "x", null);

        assertThat(report.passed()).isFalse();
        assertThat(printed(report)).contains("No step held");
    }

    @Test
    void aSoakRunThatDriftedFailsEvenWithItsThresholdsPassed() {
        var summary = K6Summary.parse("""
                {"metrics": {
                  "http_req_duration{phase:early}": {"p(95)": 40, "thresholds": {"p(95)<1000": false}},
                  "http_req_duration{phase:late}": {"p(95)": 400, "thresholds": {"p(95)<1000": false}},
                  "place_to_confirmed{phase:early}": {"p(95)": 900},
                  "place_to_confirmed{phase:late}": {"p(95)": 1000}}}""");
        var memory = List.of(new SoakDrift.MemorySample(10, 1400), new SoakDrift.MemorySample(40, 1500),
                new SoakDrift.MemorySample(70, 1530), new SoakDrift.MemorySample(130, 1700));
        var drift = SoakDrift.of(summary, memory, 10, 130);
        var report = new LoadReport(Scenario.SOAK, summary, 0, 120, OptionalLong.of(1400), OptionalLong.of(1700),
                OptionalLong.of(1700), "x", drift);

        assertThat(drift.drifts()).containsExactly("requests p95 drifted from 40.0 ms to 400 ms",
                "the stack's memory grew by more than 10 % after the first quarter");
        assertThat(report.passed()).isFalse();
        assertThat(printed(report)).contains("thresholds passed, but it drifted")
                .contains("memory            after a quarter 1,500 MB   at the end 1,700 MB   (+13.3 %)");
    }

    @Test
    void aSteadySoakRunDoesNotDrift() {
        var summary = K6Summary.parse("""
                {"metrics": {
                  "http_req_duration{phase:early}": {"p(95)": 40}, "http_req_duration{phase:late}": {"p(95)": 80},
                  "place_to_confirmed{phase:early}": {"p(95)": 900}, "place_to_confirmed{phase:late}": {"p(95)": 1200}}}""");
        var memory = List.of(new SoakDrift.MemorySample(40, 1500), new SoakDrift.MemorySample(130, 1600));

        assertThat(SoakDrift.of(summary, memory, 10, 130).drifted()).isFalse();
    }
}
