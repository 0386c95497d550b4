package dev.shopflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopflow.localstack.audit.ShopStores;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./shopflow audit} finds the running stack as every command does: the launcher's pid file and state, and the
 * services' launch files, which say where their databases and Kafka are and how order-service was configured.
 */
class AuditCommandTest {

    @TempDir
    static Path kafkaData;
    @TempDir
    Path home;

    static KafkaBroker kafka;
    static ShopStores stores;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    @BeforeAll
    static void storesWithAnOrderTwoMinutesOpen() {
        kafka = KafkaBroker.start(kafkaData, 0);
        stores = new ShopStores();
        var product = stores.product(10);
        stores.confirmedOrder(product, 1);
        stores.awaitingPayment(product, 2, Duration.ofMinutes(2));
    }

    @AfterAll
    static void stop() throws Exception {
        kafka.close();
        stores.close();
    }

    @Test
    void auditsTheStackTheLauncherStartedAndExitsZeroWhenItIsConsistent() {
        var settings = runningStack(Map.of());

        int exit = new ShopflowCli(settings, out()).run(List.of("audit", "--settle", "0"));

        assertThat(exit).as(output()).isZero();
        assertThat(output()).contains("Consistency audit of databases " + stores.catalog + ", " + stores.orders + ", "
                        + stores.payments)
                .contains("an order may stay open 15m (its time-out)")
                .containsPattern("orders-final-or-within-time-out +OK +0")
                .contains("Consistent: every invariant holds");
    }

    @Test
    void usesTheTimeOutTheLauncherGaveOrderServiceAndExitsOneOnAViolation() {
        var settings = runningStack(Map.of("ORDER_DEADLINE", "1m"));

        int exit = new ShopflowCli(settings, out()).run(List.of("audit", "--settle=0s"));

        assertThat(exit).as(output()).isEqualTo(1);
        assertThat(output()).contains("an order may stay open 1m (its time-out)")
                .containsPattern("orders-final-or-within-time-out +VIOLATED +1 +order [0-9a-f-]{36}: still AWAITING_PAYMENT 2m")
                .contains("1 invariant violated");
    }

    @Test
    void saysSoWhenTheStackIsNotRunning() {
        var settings = StackSettings.fromEnvironment(home, Map.of());

        assertThat(new ShopflowCli(settings, out()).run(List.of("audit"))).isEqualTo(3);
        assertThat(output()).contains("Shopflow is not running; ./shopflow up -d starts it");
    }

    @Test
    void refusesAnOptionItDoesNotKnowOrABadDuration() {
        var settings = StackSettings.fromEnvironment(home, Map.of());

        assertThat(new ShopflowCli(settings, out()).run(List.of("audit", "--settle", "soon"))).isEqualTo(2);
        assertThat(new ShopflowCli(settings, out()).run(List.of("audit", "--fast"))).isEqualTo(2);
        assertThat(output()).contains("Not a duration: 'soon'").contains("Unknown option --fast")
                .contains("Usage: ./shopflow audit [--settle DURATION]");
    }

    /**
     * What {@code ./shopflow up} leaves behind while the stack runs, with this process as the launcher and the
     * launch files written by the launcher's own code, for databases named as a stack with a suffix names them.
     */
    private StackSettings runningStack(Map<String, String> userEnvironment) {
        var environment = new HashMap<>(userEnvironment);
        var ports = new LinkedHashMap<String, Integer>();
        var managementPorts = new LinkedHashMap<String, Integer>();
        ServiceSpec.ALL.forEach(service -> {
            ports.put(service.name(), service.defaultPort());
            managementPorts.put(service.name(), service.defaultPort() + 1000);
        });
        var settings = StackSettings.fromEnvironment(home, environment).isolated(ports, managementPorts, Map.of(
                "catalog-service", stores.catalog, "order-service", stores.orders, "payment-service", stores.payments,
                "auth-service", "auth_unused"), home.resolve(".shopflow"));
        var services = new Services(settings);
        var secrets = StackSecrets.resolve(environment, settings.stateDirectory());
        for (String name : List.of("catalog-service", "order-service", "payment-service")) {
            ServiceSpec service = ServiceSpec.named(name).orElseThrow();
            services.launchOf(service, stores.server, kafka.bootstrapServers(), secrets)
                    .save(ServiceLaunch.file(settings, service));
        }
        new ProcessRegistry(settings.runDirectory()).record(Supervisor.NAME, ProcessHandle.current());
        try {
            Files.writeString(settings.runDirectory().resolve("launcher.state"), "READY\n");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return settings;
    }

    private PrintStream out() {
        return new PrintStream(printed, true, StandardCharsets.UTF_8);
    }

    private String output() {
        return printed.toString(StandardCharsets.UTF_8);
    }
}
