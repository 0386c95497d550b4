package dev.shopflow.localstack.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A load run warms a just-started stack up before it measures it; the smoke scenario needs no warm-up. */
class WarmUpTest {

    private final ProcessHandle service = ProcessHandle.current();
    private final Instant started = service.info().startInstant().orElseThrow();

    @Test
    void warmsUpAStackThatStartedAMinuteAgo() {
        assertThat(LoadCommand.needsWarmUp(Scenario.CHECKOUT, List.of(service), started.plus(Duration.ofMinutes(1))))
                .isTrue();
    }

    @Test
    void measuresAStackThatHasRunForLongerAtOnce() {
        assertThat(LoadCommand.needsWarmUp(Scenario.CHECKOUT, List.of(service),
                started.plus(LoadCommand.WARM_AFTER).plusSeconds(1))).isFalse();
    }

    @Test
    void neverWarmsUpBeforeTheSmokeScenarioWhichIsItsOwnWarmUp() {
        assertThat(LoadCommand.needsWarmUp(Scenario.SMOKE, List.of(service), started.plus(Duration.ofMinutes(1))))
                .isFalse();
    }
}
