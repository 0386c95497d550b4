package dev.shopflow.localstack.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The pieces a lab check reads evidence with, and the command's answers without a stack. */
class LabEvidenceTest {

    private static final String METRICS = """
            # HELP resilience4j_circuitbreaker_not_permitted_calls_total Total number of not permitted calls
            resilience4j_circuitbreaker_not_permitted_calls_total{application="gateway",kind="not_permitted",name="catalog"} 9.0
            resilience4j_circuitbreaker_not_permitted_calls_total{application="gateway",kind="not_permitted",name="orders"} 0.0
            shopflow_inbox_events_total{application="order-service",consumer="order.saga",outcome="duplicate"} 1.0
            shopflow_inbox_events_total{application="order-service",consumer="order.saga",outcome="applied"} 4.0
            """;

    @Test
    void readsTheSamplesOfAMetricWhoseLabelsMatch() {
        var refused = LabEvidence.samples(METRICS, "resilience4j_circuitbreaker_not_permitted_calls_total");
        var duplicates = LabEvidence.samples(METRICS, "shopflow_inbox_events_total", "consumer=\"order.saga\"",
                "outcome=\"duplicate\"");

        assertThat(refused).hasSize(2);
        assertThat(refused.entrySet()).anySatisfy(sample -> {
            assertThat(LabEvidence.label(sample.getKey(), "name")).isEqualTo("catalog");
            assertThat(sample.getValue()).isEqualTo(9.0);
        });
        assertThat(duplicates.values()).containsExactly(1.0);
        assertThat(LabEvidence.samples(METRICS, "shopflow_gateway_rate_limited_total")).isEmpty();
    }

    @Test
    void findsStepsInTheirOrderWithOthersBetween() {
        var now = Instant.now();
        var timeline = List.of(new LabEvidence.Step(now, "ORDER_PLACED", "order-service", null),
                new LabEvidence.Step(now, "STOCK_RESERVED", "catalog-service", null),
                new LabEvidence.Step(now, "PAYMENT_REQUESTED", "order-service", null),
                new LabEvidence.Step(now, "ORDER_CANCELLED", "order-service", "TIMED_OUT"));

        assertThat(LabEvidence.inOrder(timeline, "STOCK_RESERVED@catalog-service", "ORDER_CANCELLED@order-service")).isTrue();
        assertThat(LabEvidence.inOrder(timeline, "ORDER_CANCELLED@order-service", "STOCK_RESERVED@catalog-service")).isFalse();
        assertThat(LabEvidence.inOrder(timeline, "STOCK_RESERVED@order-service")).isFalse();
        assertThat(LabEvidence.describe(timeline)).startsWith("ORDER_PLACED (order-service) → STOCK_RESERVED (catalog-service)");
    }

    @Test
    void listsTheLabsAndRefusesAnUnknownOneOrAMissingStack() {
        var printed = new ByteArrayOutputStream();
        var command = new LabCommand(new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertThat(command.run(List.of(), Optional::empty)).isZero();
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("docs/labs/07-circuit-breaker-and-rate-limit.md");
        assertThat(command.run(List.of("check", "8"), Optional::empty)).isEqualTo(2);
        assertThat(command.run(List.of("check"), Optional::empty)).isEqualTo(2);
        assertThat(command.run(List.of("check", "1"), Optional::empty)).isEqualTo(3);
    }

    @Test
    void everyLabHasItsPage() {
        var home = java.nio.file.Path.of(System.getProperty("user.dir")).getParent();
        assertThat(LabCommand.LABS).extracting(LabCheck::number).containsExactly(1, 2, 3, 4, 5, 6, 7);
        assertThat(LabCommand.LABS).allSatisfy(lab -> assertThat(home.resolve(lab.page())).exists());
    }
}
