package dev.shopflow.localstack.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How {@code ./shopflow load} reads its arguments, and what it says about wrong ones. */
class LoadOptionsTest {

    @Test
    void takesAScenarioWithItsDefaultsWhenNoOptionIsGiven() {
        var options = LoadOptions.parse(List.of("smoke"));

        assertThat(options).isEqualTo(new LoadOptions(Scenario.SMOKE, Optional.empty(), Optional.empty(), Optional.empty()));
        assertThat(options.expectedSeconds()).isEqualTo(20);
    }

    @Test
    void readsRateDurationAndVirtualUsersInEitherSpellingAndOrder() {
        var options = LoadOptions.parse(List.of("--rate", "5", "checkout", "--duration=1m30s", "--vus=40"));

        assertThat(options).isEqualTo(new LoadOptions(Scenario.CHECKOUT, Optional.of(5), Optional.of("1m30s"), Optional.of(40)));
        assertThat(options.expectedSeconds()).isEqualTo(90);
    }

    @Test
    void aSpikesDurationIsEachPhaseAndACapacityRunsIsEachStep() {
        assertThat(LoadOptions.parse(List.of("spike", "--duration", "10s")).expectedSeconds()).isEqualTo(40);
        assertThat(LoadOptions.parse(List.of("capacity")).expectedSeconds()).isEqualTo(200);
        assertThat(LoadOptions.parse(List.of("soak", "--duration", "2m")).expectedSeconds()).isEqualTo(120);
    }

    @Test
    void refusesAMissingOrUnknownScenarioNamingTheScenarios() {
        assertThatIllegalArgumentException().isThrownBy(() -> LoadOptions.parse(List.of()))
                .withMessage("Which scenario? smoke, browse, checkout, spike, soak, capacity.");
        assertThatIllegalArgumentException().isThrownBy(() -> LoadOptions.parse(List.of("stress")))
                .withMessage("No scenario called 'stress'. Scenarios: smoke, browse, checkout, spike, soak, capacity.");
        assertThatIllegalArgumentException().isThrownBy(() -> LoadOptions.parse(List.of("smoke", "browse")))
                .withMessage("One scenario at a time: smoke or browse?");
    }

    @Test
    void refusesWrongNumbersDurationsAndOptions() {
        assertThatIllegalArgumentException().isThrownBy(() -> LoadOptions.parse(List.of("checkout", "--rate", "0")))
                .withMessage("--rate must be a whole number above 0, not '0'.");
        assertThatIllegalArgumentException().isThrownBy(() -> LoadOptions.parse(List.of("checkout", "--vus", "many")))
                .withMessage("--vus must be a whole number above 0, not 'many'.");
        assertThatIllegalArgumentException().isThrownBy(() -> LoadOptions.parse(List.of("checkout", "--duration", "60")))
                .withMessage("--duration must be a duration such as 30s, 2m or 1m30s, not '60'.");
        assertThatIllegalArgumentException().isThrownBy(() -> LoadOptions.parse(List.of("checkout", "--duration", "0s")))
                .withMessageStartingWith("--duration must be a duration");
        assertThatIllegalArgumentException().isThrownBy(() -> LoadOptions.parse(List.of("checkout", "--rate")))
                .withMessage("--rate needs a value.");
        assertThatIllegalArgumentException().isThrownBy(() -> LoadOptions.parse(List.of("checkout", "--users", "3")))
                .withMessage("Unknown option --users. Options: --rate, --duration, --vus.");
    }
}
