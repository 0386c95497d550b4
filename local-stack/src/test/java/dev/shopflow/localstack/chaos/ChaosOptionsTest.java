package dev.shopflow.localstack.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shopflow.localstack.ShopflowCli;
import dev.shopflow.localstack.StackSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChaosOptionsTest {

    @TempDir
    Path home;

    @Test
    void defaultsToEveryFaultInTurnAtTwoCheckoutsASecond() {
        var options = ChaosOptions.parse(List.of());

        assertThat(options.rate()).isEqualTo(2);
        assertThat(options.down()).isEqualTo(Duration.ofSeconds(5));
        assertThat(options.pause()).isEqualTo(Duration.ofSeconds(5));
        assertThat(options.settle()).isEqualTo(Duration.ofMinutes(2));
        assertThat(options.faults()).extracting(Fault::name).containsExactly("order-service", "payment-service",
                "catalog-service", "auth-service", "gateway", "kafka", "postgres");
    }

    @Test
    void readsEveryOptionInEitherForm() {
        var options = ChaosOptions.parse(List.of("--rate", "3", "--down=2s", "--pause", "PT1S", "--settle=90s",
                "--faults", "payment,kafka,order-service,postgres"));

        assertThat(options.rate()).isEqualTo(3);
        assertThat(options.down()).isEqualTo(Duration.ofSeconds(2));
        assertThat(options.pause()).isEqualTo(Duration.ofSeconds(1));
        assertThat(options.settle()).isEqualTo(Duration.ofSeconds(90));
        assertThat(options.faults()).extracting(Fault::name)
                .containsExactly("payment-service", "kafka", "order-service", "postgres");
    }

    @Test
    void refusesWhatItCannotDoWithAMessageThatSaysWhy() {
        assertThatThrownBy(() -> ChaosOptions.parse(List.of("--rate", "0"))).hasMessage("--rate must be a whole number from 1 to 50, not '0'.");
        assertThatThrownBy(() -> ChaosOptions.parse(List.of("--rate", "fast"))).hasMessageContaining("not 'fast'");
        assertThatThrownBy(() -> ChaosOptions.parse(List.of("--down", "soon"))).hasMessageContaining("--down: Not a duration: 'soon'");
        assertThatThrownBy(() -> ChaosOptions.parse(List.of("--settle", "2h"))).hasMessage("--settle must be between 0s and 30m, not '2h'.");
        assertThatThrownBy(() -> ChaosOptions.parse(List.of("--faults", "order,redis"))).hasMessageContaining("No fault called 'redis'")
                .hasMessageContaining("kafka, postgres");
        assertThatThrownBy(() -> ChaosOptions.parse(List.of("--faults", ","))).hasMessageContaining("names no fault");
        assertThatThrownBy(() -> ChaosOptions.parse(List.of("--pause"))).hasMessage("--pause needs a value.");
        assertThatThrownBy(() -> ChaosOptions.parse(List.of("--loud", "1"))).hasMessageContaining("Unknown option --loud");
        assertThatThrownBy(() -> ChaosOptions.parse(List.of("order-service"))).hasMessageContaining("chaos takes options only");
    }

    @Test
    void aBadOptionExitsTwoWithTheUsageBeforeLookingForTheStack() {
        var printed = new ByteArrayOutputStream();
        var cli = new ShopflowCli(StackSettings.fromEnvironment(home, Map.of()), new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertThat(cli.run(List.of("chaos", "--rate", "-1"))).isEqualTo(2);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("--rate must be a whole number")
                .contains("Usage: ./shopflow chaos [--rate N] [--down D] [--pause D] [--settle D] [--faults LIST]");
    }

    @Test
    void strikesWhereAnOrderWaitsForWhatTheFaultBreaks() {
        assertThat(Fault.named("catalog").orElseThrow().sagaStates()).containsExactly("PENDING");
        assertThat(Fault.named("payment-service").orElseThrow().sagaStates()).containsExactly("AWAITING_PAYMENT");
        assertThat(Fault.KAFKA.sagaStates()).containsExactlyInAnyOrder("PENDING", "AWAITING_PAYMENT");
    }

    @Test
    void writesTheTimesOfItsTimeline() {
        assertThat(Timeline.offset(5_240_000_000L)).isEqualTo("+5.2s");
        assertThat(Timeline.offset(65_200_000_000L)).isEqualTo("+1m05.2s");
        assertThat(ChaosOptions.text(Duration.ofSeconds(90))).isEqualTo("1m 30s");
    }
}
