package dev.shopflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code ./shopflow up --observe} prepares before it runs anything (the system tests run it for real). */
class ObservabilityTest {

    /** The project itself, where observability/prometheus/local.yml is. */
    private final Path home = Path.of("").toAbsolutePath().getParent();

    @Test
    void scrapesEachServiceOnTheManagementPortTheStackGivesIt() {
        var settings = StackSettings.fromEnvironment(home, Map.of(
                "SHOPFLOW_ORDER_SERVICE_MANAGEMENT_PORT", "23183", "SHOPFLOW_GATEWAY_PORT", "23080"));

        String config = new Observability(settings, line -> { }).scrapeConfig();

        assertThat(config).contains("\"127.0.0.1:23183\"", "\"127.0.0.1:24080\"", "\"127.0.0.1:9081\"",
                        "\"127.0.0.1:9082\"", "\"127.0.0.1:9084\"")
                .doesNotContain("127.0.0.1:9083\"", "127.0.0.1:9080\"")
                .contains("metrics_path: /actuator/prometheus", "service: order-service");
    }

    @Test
    void sendsEverySpanToTheZipkinOnItsPort() {
        var observability = new Observability(StackSettings.fromEnvironment(home, Map.of("SHOPFLOW_ZIPKIN_PORT", "23411")), line -> { });

        assertThat(observability.serviceEnvironment()).containsExactly(Map.entry("ZIPKIN_ENDPOINT", "http://127.0.0.1:23411/api/v2/spans"));
        assertThat(observability.zipkinPort()).isEqualTo(23411);
        assertThat(new Observability(StackSettings.fromEnvironment(home, Map.of()), line -> { }).prometheusPort()).isEqualTo(9090);
    }

    @Test
    void findsPrometheusOnThePathOnlyWhenItIsAnExecutable(@TempDir Path folder) throws IOException {
        Path bin = Files.createDirectories(folder.resolve("bin"));
        Path other = Files.createDirectories(folder.resolve("other"));
        var path = Map.of("PATH", other + java.io.File.pathSeparator + bin);
        assertThat(Observability.findOnPath("prometheus", path)).isEmpty();

        Files.writeString(other.resolve("prometheus"), "not executable");
        Path executable = Files.writeString(bin.resolve("prometheus"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(executable, PosixFilePermissions.fromString("rwxr-xr-x"));

        assertThat(Observability.findOnPath("prometheus", path)).contains(executable);
    }

    @Test
    void saysHowToInstallPrometheusWhenItIsMissing() {
        var printed = new ArrayList<String>();
        var observability = new Observability(StackSettings.fromEnvironment(home, Map.of()), printed::add);

        assertThat(observability.describe()).contains("Prometheus       not installed: install it (Debian/Ubuntu: apt install prometheus")
                .contains("Zipkin           http://localhost:9411");
    }

    @Test
    void theUpCommandRefusesAnOptionItDoesNotKnow() {
        var output = new java.io.ByteArrayOutputStream();
        var cli = new ShopflowCli(StackSettings.fromEnvironment(home, Map.of()), new java.io.PrintStream(output, true));

        assertThat(cli.run(java.util.List.of("up", "--obsrve"))).isEqualTo(2);
        assertThat(output.toString()).contains("Unknown option for up: --obsrve (-d, --observe, --instances)");
    }
}
