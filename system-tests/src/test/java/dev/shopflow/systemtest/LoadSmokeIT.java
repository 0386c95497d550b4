package dev.shopflow.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopflow.localstack.LocalStack;
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
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * {@code ./shopflow load smoke} against a whole stack (fresh databases, free ports, a state folder of its own),
 * through the same code as the command: the smoke scenario's thresholds must pass, k6's summary and HTML report must
 * be written, and the consistency audit that follows must be clean. k6 is found as the command finds it; without
 * it, this test fails on CI (where {@code CI} is set) and is skipped on a developer's machine.
 */
@EnabledIf(value = "k6IsFoundOrThisIsCi",
        disabledReason = "k6 is not installed (K6, the PATH, ../shared/bin/k6); see load-tests/README.md to install it")
class LoadSmokeIT {

    static final Path home = Path.of(System.getProperty("shopflow.home"));
    static final Path state = home.resolve("system-tests/target/load-smoke-it");

    static LocalStack stack;
    static StackSettings settings;

    static boolean k6IsFoundOrThisIsCi() {
        return System.getenv("CI") != null || new K6Locator(System.getenv(), home).find().isPresent();
    }

    @BeforeAll
    static void startTheWholeStack() throws IOException {
        deleteRecursively(state);
        var ports = new LinkedHashMap<String, Integer>();
        var databases = new LinkedHashMap<String, String>();
        for (ServiceSpec service : ServiceSpec.ALL) {
            ports.put(service.name(), Http.freePort());
            if (service.database() != null) {
                databases.put(service.name(), TestPostgres.freshDatabase(service.database()));
            }
        }
        var environment = new HashMap<>(System.getenv());
        // A test stack lives for a minute: recording start-up caches for it would only compete for the CPU.
        environment.put("SHOPFLOW_AOT_CACHE", "false");
        // The launcher's own administrator, generated into the state folder: the smoke run keeps a sold-out
        // product with it, so that out-of-stock orders are part of the run.
        environment.remove("SHOPFLOW_ADMIN_EMAIL");
        environment.remove("SHOPFLOW_ADMIN_PASSWORD");
        settings = StackSettings.fromEnvironment(home, environment).isolated(ports, databases, state);
        stack = new LocalStack(settings, System.out::println).start(TestPostgres.server());
    }

    @AfterAll
    static void stopTheStack() {
        if (stack != null) {
            stack.stop();
        }
    }

    @Test
    void theSmokeScenarioPassesItsThresholdsWritesItsReportsAndTheAuditAfterItIsClean() throws IOException {
        assertThat(new K6Locator(System.getenv(), home).find()).as(K6Locator.HOW_TO_INSTALL).isPresent();
        var printed = new ByteArrayOutputStream();

        int exitCode = new ShopflowCli(settings, new PrintStream(printed, true, StandardCharsets.UTF_8))
                .run(List.of("load", "smoke"));

        String output = printed.toString(StandardCharsets.UTF_8);
        System.out.println(output);
        assertThat(output).contains("Load run: smoke — every threshold passed");
        Path run = onlyRunFolder();
        var summary = K6Summary.read(run.resolve("summary.json"));
        assertThat(summary.crossedThresholds()).isEmpty();
        assertThat(summary.value("orders_confirmed", "count")).hasValueSatisfying(count -> assertThat(count).isPositive());
        assertThat(summary.value("orders_cancelled{reason:PAYMENT_DECLINED}", "count"))
                .hasValueSatisfying(count -> assertThat(count).isPositive());
        assertThat(summary.value("orders_cancelled{reason:OUT_OF_STOCK}", "count"))
                .hasValueSatisfying(count -> assertThat(count).isPositive());
        assertThat(Files.readString(run.resolve("report.html"))).as("k6's HTML report with charts").contains("<html");
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

    private static void deleteRecursively(Path folder) throws IOException {
        if (Files.exists(folder)) {
            try (var files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
