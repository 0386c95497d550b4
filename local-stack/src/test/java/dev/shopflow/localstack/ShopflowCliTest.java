package dev.shopflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands' answers when the stack is not running, and to bad input. */
class ShopflowCliTest {

    @TempDir
    Path home;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    private int shopflow(String... args) {
        return shopflowWith(Map.of(), args);
    }

    private int shopflowWith(Map<String, String> extraEnvironment, String... args) {
        var environment = new java.util.HashMap<>(Map.of(
                "SHOPFLOW_GATEWAY_PORT", "1", "SHOPFLOW_AUTH_SERVICE_PORT", "2", "SHOPFLOW_CATALOG_SERVICE_PORT", "3",
                "SHOPFLOW_ORDER_SERVICE_PORT", "4", "SHOPFLOW_PAYMENT_SERVICE_PORT", "5",
                "SHOPFLOW_GATEWAY_MANAGEMENT_PORT", "6", "SHOPFLOW_AUTH_SERVICE_MANAGEMENT_PORT", "7",
                "SHOPFLOW_CATALOG_SERVICE_MANAGEMENT_PORT", "8", "SHOPFLOW_ORDER_SERVICE_MANAGEMENT_PORT", "9",
                "SHOPFLOW_PAYMENT_SERVICE_MANAGEMENT_PORT", "10"));
        environment.putAll(extraEnvironment);
        var settings = StackSettings.fromEnvironment(home, environment);
        return new ShopflowCli(settings, new PrintStream(printed, true, StandardCharsets.UTF_8)).run(List.of(args));
    }

    private String output() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void explainsItselfWithoutACommandAndRefusesAnUnknownOne() {
        assertThat(shopflow()).isEqualTo(2);
        assertThat(output()).contains("Usage: ./shopflow COMMAND").contains("up -d");

        assertThat(shopflow("deploy")).isEqualTo(2);
        assertThat(output()).contains("Unknown command: deploy");
    }

    @Test
    void statusShowsEveryServiceStoppedWhenNothingRuns() {
        assertThat(shopflow("status")).isZero();

        assertThat(output()).containsPattern("SERVICE +PID +PORT +MANAGEMENT +STATE")
                .containsPattern("order-service +- +4 +9 +stopped").contains("The launcher is not running.");
    }

    @Test
    void downWhenNothingRunsSaysSo() {
        assertThat(shopflow("down")).isZero();

        assertThat(output()).contains("Shopflow is not running.");
    }

    @Test
    void restartNeedsARunningStack() {
        assertThat(shopflow("restart", "order-service")).isEqualTo(1);

        assertThat(output()).contains("Shopflow is not running; ./shopflow up starts it.");
    }

    @Test
    void restartWaitsUntilTheStackIsReady() throws Exception {
        var settings = StackSettings.fromEnvironment(home, Map.of());
        new ProcessRegistry(settings.runDirectory()).record(Supervisor.NAME, ProcessHandle.current());
        java.nio.file.Files.writeString(settings.runDirectory().resolve("launcher.state"), "STOPPING\n");

        assertThat(shopflow("restart", "order-service")).isEqualTo(1);

        assertThat(output()).contains("Shopflow is stopping; restart a service once it is ready.");
    }

    @Test
    void killAndRestartNameTheServicesWhenGivenAnUnknownOne() {
        assertThat(shopflow("kill", "billing")).isEqualTo(2);
        assertThat(shopflow("restart")).isEqualTo(2);

        assertThat(output()).contains("No service called billing. Services: gateway, auth-service")
                .contains("Usage: ./shopflow restart SERVICE");
    }

    @Test
    void killSaysWhenTheServiceIsNotRunning() {
        assertThat(shopflow("kill", "gateway")).isEqualTo(1);

        assertThat(output()).contains("gateway is not running.");
    }

    @Test
    void logsNamesWhatItCanShow() {
        assertThat(shopflow("logs")).isEqualTo(2);
        assertThat(shopflow("logs", "nope")).isEqualTo(2);
        assertThat(shopflow("logs", "kafka")).isEqualTo(1);

        assertThat(output()).contains("Usage: ./shopflow logs SERVICE [-f]")
                .contains("No service called nope")
                .contains("No log yet at");
    }

    @Test
    void loadExplainsWrongArgumentsWithTheScenariosAndOptions() {
        assertThat(shopflow("load")).isEqualTo(2);
        assertThat(shopflow("load", "stress")).isEqualTo(2);
        assertThat(shopflow("load", "checkout", "--rate", "fast")).isEqualTo(2);

        assertThat(output()).contains("Which scenario? smoke, browse, checkout, spike, soak, capacity.")
                .contains("No scenario called 'stress'.")
                .contains("--rate must be a whole number above 0, not 'fast'.")
                .contains("Usage: ./shopflow load SCENARIO [--rate N] [--duration D] [--vus N]");
    }

    @Test
    void loadSaysHowToInstallK6WhenItFindsNone() throws Exception {
        java.nio.file.Files.createDirectories(home.resolve("load-tests"));
        java.nio.file.Files.writeString(home.resolve("load-tests/smoke.js"), "export default function () {}\n");

        assertThat(shopflowWith(Map.of("PATH", home.toString()), "load", "smoke")).isEqualTo(1);

        assertThat(output()).contains("k6 is not installed").contains("brew install k6").contains("winget install k6")
                .contains("or set K6 to the k6 binary");
    }

    @Test
    void loadNeedsARunningStack() throws Exception {
        java.nio.file.Files.createDirectories(home.resolve("load-tests"));
        java.nio.file.Files.writeString(home.resolve("load-tests/smoke.js"), "export default function () {}\n");
        var k6 = java.nio.file.Files.writeString(home.resolve("k6"), "#!/bin/sh\nexit 0\n");
        k6.toFile().setExecutable(true);

        assertThat(shopflowWith(Map.of("K6", k6.toString()), "load", "smoke")).isEqualTo(1);

        assertThat(output()).contains("Not ready: gateway, auth-service")
                .contains("Shopflow is not running (its gateway is not ready): start it with ./shopflow up -d");
        assertThat(home.resolve(".shopflow/load")).doesNotExist();
    }

    @Test
    void upRefusesWrongInstanceCountsBeforeStartingAnything() {
        assertThat(shopflow("up", "-d", "--instances", "gateway=2")).isEqualTo(2);
        assertThat(shopflow("up", "--instances")).isEqualTo(2);
        assertThat(shopflow("up", "--instances=order=12")).isEqualTo(2);

        assertThat(output()).contains("The gateway runs one instance")
                .contains("--instances needs SERVICE=COUNT[,SERVICE=COUNT...]")
                .contains("must be a whole number from 1 to 9, not '12'");
        assertThat(home.resolve(".shopflow/run/launcher.pid")).doesNotExist();
    }

    @Test
    void scaleExplainsItselfAndNeedsARunningStack() {
        assertThat(shopflow("scale", "order-service")).isEqualTo(2);
        assertThat(shopflow("scale", "billing", "2")).isEqualTo(2);
        assertThat(shopflow("scale", "gateway", "2")).isEqualTo(2);
        assertThat(shopflow("scale", "order", "2")).isEqualTo(1);

        assertThat(output()).contains("Usage: ./shopflow scale SERVICE COUNT")
                .contains("No service called billing. Services: gateway, auth-service")
                .contains("The gateway runs one instance")
                .contains("Shopflow is not running; ./shopflow up -d --instances order-service=2 starts it with 2 instances"
                        + " of order-service.");
    }

    @Test
    void statusListsAFurtherInstanceOfTheStackOnItsOwnPorts() throws Exception {
        var settings = StackSettings.fromEnvironment(home, Map.of());
        java.nio.file.Files.createDirectories(settings.runDirectory());
        java.nio.file.Files.writeString(settings.runDirectory().resolve("order-service-2.launch"), "");

        assertThat(shopflow("status")).isZero();

        assertThat(output()).containsPattern("order-service +- +4 +9 +stopped\n +order-service-2 +- +104 +109 +stopped\n"
                + " +payment-service +- +5 +10 +stopped");
    }

    @Test
    void killRestartAndLogsTakeAFurtherInstance() throws Exception {
        var settings = StackSettings.fromEnvironment(home, Map.of());
        new ProcessRegistry(settings.runDirectory()).record(Supervisor.NAME, ProcessHandle.current());
        java.nio.file.Files.writeString(settings.runDirectory().resolve("launcher.state"), "READY\n");

        assertThat(shopflow("kill", "order-service-2")).isEqualTo(1);
        assertThat(shopflow("restart", "payment-3")).isEqualTo(1);
        assertThat(shopflow("logs", "order-service-2")).isEqualTo(1);
        assertThat(shopflow("kill", "gateway-2")).isEqualTo(2);

        assertThat(output()).contains("order-service-2 is not running.")
                .contains("payment-service-3 is not part of the stack; ./shopflow scale payment-service 3 starts it.")
                .contains("No log yet at " + settings.logFile("order-service-2"))
                .contains("No service called gateway-2.");
    }

    @Test
    void downStopsAFurtherInstanceLeftBehindAndRemovesItFromTheStack() throws Exception {
        var settings = StackSettings.fromEnvironment(home, Map.of());
        Process leftover = new ProcessBuilder("sleep", "120").start();
        try {
            new ProcessRegistry(settings.runDirectory()).record("payment-service-2", leftover.toHandle());
            var launch = new ServiceLaunch(List.of("sleep", "120"), Map.of("SERVER_PORT", "105"));
            launch.save(ServiceLaunch.file(settings, new ServiceInstance(ServiceSpec.named("payment-service").orElseThrow(), 2)));
            assertThat(Supervisor.leftoverServices(settings)).hasValueSatisfying(left ->
                    assertThat(left).contains("payment-service-2 pid " + leftover.pid()));

            assertThat(shopflow("down")).isZero();

            assertThat(output()).contains("stopping payment-service-2 (pid " + leftover.pid() + ")").contains("Shopflow is stopped.");
            assertThat(leftover.isAlive()).isFalse();
            assertThat(ServiceInstance.extrasIn(settings)).isEmpty();
        } finally {
            leftover.destroyForcibly();
        }
    }
}
