package dev.shopflow.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shopflow.localstack.ServiceLaunch;
import dev.shopflow.localstack.ServiceSpec;
import dev.shopflow.localstack.ShopflowCli;
import dev.shopflow.localstack.StackSettings;
import dev.shopflow.localstack.load.K6Locator;
import dev.shopflow.localstack.load.K6Summary;
import dev.shopflow.platform.testsupport.TestPostgres;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * {@code ./shopflow load smoke} against a whole stack started with {@code ./shopflow up -d --observe} on fresh
 * databases, free ports and a state folder of its own, the load command itself run through {@link ShopflowCli}, as the
 * script runs it: the smoke scenario's thresholds must pass, k6's summary and HTML report must be written, and the
 * consistency audit that follows (it audits the stack a launcher runs) must be clean. k6 is found as the command finds
 * it; without it, this test fails on CI (where {@code CI} is set) and is skipped on a developer's machine.
 *
 * <p>The same run then proves {@code --observe}: Zipkin runs and every service was told to send it spans, and the
 * Prometheus the launcher runs has scraped the stack so that every query of every Grafana dashboard returns data
 * (no panel is ever empty because of a wrong metric name). Without {@code prometheus} installed, that test fails on
 * CI and is skipped elsewhere.
 */
@EnabledIf(value = "k6IsFoundOrThisIsCi",
        disabledReason = "k6 is not installed (K6, the PATH, ../shared/bin/k6); see load-tests/README.md to install it")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LoadSmokeIT {

    static final Path home = Path.of(System.getProperty("shopflow.home"));
    static final Path state = home.resolve("system-tests/target/load-smoke-it");
    static final Map<String, String> environment = new HashMap<>();
    static final int prometheusPort = Http.freePort();
    static final int zipkinPort = Http.freePort();
    static String started;

    static boolean k6IsFoundOrThisIsCi() {
        return System.getenv("CI") != null || new K6Locator(System.getenv(), home).find().isPresent();
    }

    @BeforeAll
    static void startTheWholeStack() throws IOException {
        // On CI a missing k6 fails here, before a stack is started for nothing.
        assertThat(new K6Locator(System.getenv(), home).find()).as(K6Locator.HOW_TO_INSTALL).isPresent();
        environment.putAll(ShopflowScript.IsolatedStack.in(state).environment());
        // The launcher's own administrator, generated into the state folder: the smoke run keeps a sold-out product
        // with it, so that out-of-stock orders are part of the run.
        environment.put("SHOPFLOW_ADMIN_EMAIL", "");
        environment.put("SHOPFLOW_ADMIN_PASSWORD", "");
        environment.put("SHOPFLOW_PROMETHEUS_PORT", String.valueOf(prometheusPort));
        environment.put("SHOPFLOW_ZIPKIN_PORT", String.valueOf(zipkinPort));
        var up = ShopflowScript.run(home, environment, "up", "-d", "--observe");
        assertThat(up.exitCode()).as(up.output()).isZero();
        started = up.output();
    }

    @AfterAll
    static void stopTheStack() {
        ShopflowScript.run(home, environment, "down");
    }

    @Test
    @Order(1)
    void theSmokeScenarioPassesItsThresholdsWritesItsReportsAndTheAuditAfterItIsClean() throws IOException {
        var shell = new HashMap<>(System.getenv());
        shell.putAll(environment);
        var printed = new ByteArrayOutputStream();

        int exitCode = new ShopflowCli(StackSettings.fromEnvironment(home, shell), new PrintStream(printed, true, StandardCharsets.UTF_8))
                .run(List.of("load", "smoke"));

        String output = printed.toString(StandardCharsets.UTF_8);
        System.out.println(output);
        assertThat(output).contains("Load run: smoke — every threshold passed");
        Path run = onlyRunFolder();
        var summary = K6Summary.read(run.resolve("summary.json"));
        assertThat(summary.crossedThresholds()).isEmpty();
        assertThat(summary.value("orders_confirmed", "count").orElse(0)).isPositive();
        assertThat(summary.value("orders_cancelled{reason:PAYMENT_DECLINED}", "count").orElse(0)).isPositive();
        assertThat(summary.value("orders_cancelled{reason:OUT_OF_STOCK}", "count").orElse(0)).isPositive();
        // k6 writes its report only when the run spans two snapshot periods; the charts' data is embedded in it.
        assertThat(Files.readString(run.resolve("report.html"))).as("k6's HTML report with charts")
                .contains("<title>k6 report</title>").containsPattern("<script id=\"data\" type=\"application/json[^>]*>\\S{1000,}");
        assertThat(run.resolve("k6.log")).exists();
        assertThat(exitCode).as("the scenario passed and the audit is clean:%n%s", output).isZero();
    }

    @Test
    @Order(2)
    void zipkinRunsBesideTheStackAndEveryServiceSendsItsSpansThere() {
        assertThat(started).contains("Zipkin           http://localhost:" + zipkinPort);
        assertThat(Http.get("http://127.0.0.1:" + zipkinPort + "/health").statusCode()).isEqualTo(200);
        var settings = StackSettings.fromEnvironment(home, shellWith(environment));
        for (ServiceSpec service : ServiceSpec.ALL) {
            assertThat(ServiceLaunch.saved(settings, service).orElseThrow().environment())
                    .as(service.name()).containsEntry("ZIPKIN_ENDPOINT", "http://127.0.0.1:" + zipkinPort + "/api/v2/spans");
        }
    }

    @Test
    @Order(3)
    @EnabledIf(value = "prometheusIsInstalledOrThisIsCi",
            disabledReason = "prometheus is not installed (apt install prometheus, brew install prometheus): the dashboards' queries are not checked")
    void everyQueryOfEveryDashboardReturnsDataFromThePrometheusTheLauncherRuns() throws IOException {
        assertThat(started).as("on CI, .ci/run installs prometheus")
                .contains("Prometheus       http://localhost:" + prometheusPort);
        // A request the owning service refuses (404), so that the gateway's error panels have a series too.
        var customer = Customers.signUp(gateway());
        assertThat(Http.get(gateway() + "/api/orders/" + java.util.UUID.randomUUID(), customer.accessToken()).statusCode())
                .isEqualTo(404);
        var queries = Dashboards.queries(home.resolve("observability/grafana/dashboards"));
        assertThat(queries).hasSizeGreaterThan(20);

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(5)).untilAsserted(() -> {
            var empty = queries.entrySet().stream()
                    .filter(query -> Dashboards.resultCount(prometheusPort, query.getValue()) == 0)
                    .map(query -> query.getKey() + ": " + query.getValue())
                    .toList();
            assertThat(empty).as("queries without data").isEmpty();
        });
    }

    static boolean prometheusIsInstalledOrThisIsCi() {
        return System.getenv("CI") != null || Dashboards.prometheusInstalled();
    }

    private static String gateway() {
        return "http://127.0.0.1:" + environment.get("SHOPFLOW_GATEWAY_PORT");
    }

    private static Map<String, String> shellWith(Map<String, String> variables) {
        var shell = new HashMap<>(System.getenv());
        shell.putAll(variables);
        return shell;
    }

    private static Path onlyRunFolder() throws IOException {
        try (var folders = Files.list(state.resolve("load"))) {
            var found = folders.filter(folder -> folder.getFileName().toString().endsWith("-smoke")).toList();
            assertThat(found).hasSize(1);
            return found.getFirst();
        }
    }
}
