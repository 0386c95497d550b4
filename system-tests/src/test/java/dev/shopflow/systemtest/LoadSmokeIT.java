package dev.shopflow.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * {@code ./shopflow load smoke} against a whole stack started with {@code ./shopflow up -d} on fresh databases, free
 * ports and a state folder of its own, the load command itself run through {@link ShopflowCli}, as the script runs
 * it: the smoke scenario's thresholds must pass, k6's summary and HTML report must be written, and the consistency
 * audit that follows (it audits the stack a launcher runs) must be clean. k6 is found as the command finds it;
 * without it, this test fails on CI (where {@code CI} is set) and is skipped on a developer's machine.
 */
@EnabledIf(value = "k6IsFoundOrThisIsCi",
        disabledReason = "k6 is not installed (K6, the PATH, ../shared/bin/k6); see load-tests/README.md to install it")
class LoadSmokeIT {

    static final Path home = Path.of(System.getProperty("shopflow.home"));
    static final Path state = home.resolve("system-tests/target/load-smoke-it");
    static final Map<String, String> environment = new HashMap<>();

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
        var up = ShopflowScript.run(home, environment, "up", "-d");
        assertThat(up.exitCode()).as(up.output()).isZero();
    }

    @AfterAll
    static void stopTheStack() {
        ShopflowScript.run(home, environment, "down");
    }

    @Test
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

    private static Path onlyRunFolder() throws IOException {
        try (var folders = Files.list(state.resolve("load"))) {
            var found = folders.filter(folder -> folder.getFileName().toString().endsWith("-smoke")).toList();
            assertThat(found).hasSize(1);
            return found.getFirst();
        }
    }
}
