package dev.shopflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopflow.localstack.ServiceSpec;
import dev.shopflow.localstack.StackSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.yaml.snakeyaml.Yaml;
import com.jayway.jsonpath.JsonPath;

/**
 * {@code docker-compose.yml} read as data (there is no Docker engine here; {@code .ci/run} also runs {@code
 * docker-compose config}): every container is health-checked and waits for what it talks to, every service gets every
 * setting it needs outside this machine, and ports, databases and image names are the ones the launcher and the
 * Kubernetes manifests use.
 */
class ComposeFileTest {

    static final Path root = ServiceSettings.projectRoot();
    static final Map<String, Map<String, Object>> containers = containersOf("docker-compose.yml");
    static final StackSettings launcher = StackSettings.fromEnvironment(root, Map.of());
    static final List<ServiceSpec> services = ServiceSpec.ALL;
    /** A container name in a value (a URL, host:port, a plain host name). */
    static final Pattern HOST = Pattern.compile("(?<![\\w.-])([a-z][a-z-]*)(?=[:/]|$)");

    @Test
    void theComposeFileRunsTheFiveServicesAndTheirInfrastructure() {
        assertThat(containers.keySet()).containsExactlyInAnyOrder("postgres", "kafka", "redis", "gateway", "auth-service",
                "catalog-service", "order-service", "payment-service", "prometheus", "grafana", "zipkin");
        assertThat(ServiceSettings.SERVICES).containsExactlyElementsOf(services.stream().map(ServiceSpec::name).toList());
        assertThat(image("kafka")).startsWith("apache/kafka:");
        assertThat(image("zipkin")).startsWith("openzipkin/zipkin:");
    }

    @Test
    void everyContainerHasAHealthCheck() {
        containers.forEach((name, container) -> {
            var healthcheck = map(container.get("healthcheck"));
            assertThat(healthcheck).as(name).isNotNull();
            assertThat(strings(healthcheck.get("test"))).as(name).isNotEmpty().first().isIn("CMD", "CMD-SHELL");
        });
    }

    @Test
    void everyContainerWaitsUntilWhatItTalksToIsHealthy() {
        containers.forEach((name, container) -> {
            var dependsOn = container.get("depends_on") == null ? Map.<String, Object>of() : map(container.get("depends_on"));
            dependsOn.forEach((dependency, condition) -> assertThat(map(condition)).as(name + " → " + dependency)
                    .containsEntry("condition", "service_healthy"));
            var talksTo = new TreeSet<String>();
            environment(name).values().forEach(value -> HOST.matcher(value).results().map(match -> match.group(1))
                    .filter(containers::containsKey).filter(host -> !host.equals(name)).forEach(talksTo::add));
            assertThat(dependsOn.keySet()).as(name + " talks to " + talksTo).containsAll(talksTo);
        });
        assertThat(map(containers.get("order-service").get("depends_on"))).containsKeys("postgres", "kafka", "catalog-service");
        assertThat(map(containers.get("gateway").get("depends_on"))).containsKeys("redis", "auth-service", "payment-service");
        assertThat(map(containers.get("grafana").get("depends_on"))).containsKey("prometheus");
    }

    @ParameterizedTest
    @FieldSource("services")
    void everySettingAServiceNeedsOutsideThisMachineIsSet(ServiceSpec service) {
        var settings = ServiceSettings.of(service.name());
        var set = new TreeSet<>(environment(service.name()).keySet());
        set.addAll(imageEnvironment());

        assertThat(set).containsAll(settings.mustBeSetOutsideThisMachine());
        // Nothing set that the service would ignore: Spring's own, and where spans go (read by the tracing setup).
        assertThat(environment(service.name()).keySet())
                .allMatch(name -> settings.names().contains(name) || name.startsWith("SPRING_") || name.equals("ZIPKIN_ENDPOINT"),
                        "read by " + service.name());
    }

    @ParameterizedTest
    @FieldSource("services")
    void everyServiceIsPublishedOnTheLocalStacksPortsOnLoopbackOnly(ServiceSpec service) {
        assertThat(strings(containers.get(service.name()).get("ports"))).containsExactly(
                "127.0.0.1:" + launcher.port(service) + ":" + launcher.port(service),
                "127.0.0.1:" + launcher.managementPort(service) + ":" + launcher.managementPort(service));
        assertThat(String.join(" ", strings(map(containers.get(service.name()).get("healthcheck")).get("test"))))
                .as("the health check asks the readiness probe on the management port")
                .contains("/dev/tcp/127.0.0.1/" + launcher.managementPort(service) + " ")
                .contains("/actuator/health/readiness");
    }

    @Test
    void kafkaAndPostgresAreWhereTheLocalStackHasThem() {
        assertThat(strings(containers.get("kafka").get("ports"))).containsExactly("127.0.0.1:" + launcher.kafkaPort() + ":9092");
        assertThat(environment("kafka").get("KAFKA_ADVERTISED_LISTENERS")).contains("HOST://localhost:" + launcher.kafkaPort());
        assertThat(environment("kafka")).containsEntry("KAFKA_PROCESS_ROLES", "broker,controller")
                .containsEntry("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
        assertThat(strings(containers.get("postgres").get("ports"))).containsExactly("127.0.0.1:5432:5432");
    }

    @ParameterizedTest
    @FieldSource("services")
    void everyServiceUsesTheDatabaseTheLocalStackGivesIt(ServiceSpec service) {
        assertThat(environment(service.name()).get("DB_NAME")).isEqualTo(launcher.database(service));
    }

    @Test
    void postgresCreatesOneDatabasePerServiceOnItsFirstStart() throws IOException {
        assertThat(strings(containers.get("postgres").get("volumes")))
                .contains("./deploy/compose/postgres:/docker-entrypoint-initdb.d:ro");
        var created = Pattern.compile("CREATE DATABASE (\\w+);")
                .matcher(Files.readString(root.resolve("deploy/compose/postgres/create-databases.sql"))).results()
                .map(match -> match.group(1)).collect(Collectors.toSet());

        assertThat(created).containsExactlyInAnyOrderElementsOf(launcher.databases().values());
    }

    @ParameterizedTest
    @FieldSource("services")
    void everyServiceIsBuiltFromTheDockerfileIntoTheImageNamedAfterItsModule(ServiceSpec service) {
        var container = containers.get(service.name());

        assertThat(container.get("image")).isEqualTo("shopflow/" + service.name() + ":0.1.0");
        assertThat(map(container.get("build"))).containsEntry("context", ".");
        assertThat(map(map(container.get("build")).get("args"))).containsEntry("MODULE", service.name());
    }

    @Test
    void theAdministratorAndStripeComeFromTheSameVariablesAsForTheLocalStack() {
        assertThat(environment("auth-service"))
                .containsEntry("SHOPFLOW_ADMIN_EMAIL", "${SHOPFLOW_ADMIN_EMAIL:-admin@shopflow.local}")
                .containsEntry("SHOPFLOW_ADMIN_PASSWORD", "${SHOPFLOW_ADMIN_PASSWORD:-}");
        assertThat(environment("payment-service"))
                .containsEntry("PAYMENTS_PROVIDER", "${PAYMENTS_PROVIDER:-simulated}")
                .containsEntry("STRIPE_API_KEY", "${STRIPE_API_KEY:-}")
                .containsEntry("STRIPE_WEBHOOK_SECRET", "${STRIPE_WEBHOOK_SECRET:-}");
    }

    @ParameterizedTest
    @FieldSource("services")
    void everyServiceSendsItsSpansToZipkinAndTrustsOnlyTheGatewaysForwardedAddresses(ServiceSpec service) {
        assertThat(environment(service.name())).containsEntry("ZIPKIN_ENDPOINT", "http://zipkin:9411/api/v2/spans")
                .containsKey("TRACING_SAMPLING_PROBABILITY");
        if (!service.equals(ServiceSpec.GATEWAY)) {
            String gatewayAddress = String.valueOf(map(map(containers.get("gateway").get("networks")).get("shopflow")).get("ipv4_address"));
            assertThat(environment(service.name())).containsEntry("SHOPFLOW_WEB_TRUSTED_PROXIES", gatewayAddress);
        }
    }

    @Test
    void prometheusScrapesEveryServicesManagementPortInEveryConfiguration() throws IOException {
        var scraped = Map.of(
                "compose.yml", (java.util.function.Function<ServiceSpec, String>) service -> service.name(),
                "host.yml", service -> "host.docker.internal",
                "local.yml", service -> "127.0.0.1");
        for (var configuration : scraped.entrySet()) {
            Map<String, Object> config = new Yaml().load(Files.readString(root.resolve("observability/prometheus").resolve(configuration.getKey())));
            var targets = list(map(list(config.get("scrape_configs")).getFirst()).get("static_configs")).stream()
                    .flatMap(group -> strings(map(group).get("targets")).stream()).toList();

            assertThat(targets).as(configuration.getKey()).containsExactlyElementsOf(services.stream()
                    .map(service -> configuration.getValue().apply(service) + ":" + launcher.managementPort(service)).toList());
        }
        assertThat(strings(containers.get("prometheus").get("volumes"))).contains("./observability/prometheus:/etc/prometheus:ro");
    }

    @Test
    void theInfrastructureFileLeavesOutExactlyTheFiveServices() {
        var overrides = containersOf("docker-compose.infra.yml");
        var disabled = new TreeSet<String>();
        overrides.forEach((name, override) -> {
            if (override.containsKey("profiles")) {
                disabled.add(name);
            }
        });

        assertThat(disabled).containsExactlyInAnyOrderElementsOf(services.stream().map(ServiceSpec::name).toList());
        assertThat(containers.keySet()).containsAll(overrides.keySet());
        assertThat(String.join(" ", strings(overrides.get("prometheus").get("command")))).contains("/etc/prometheus/host.yml");
    }

    @Test
    void grafanaIsProvisionedWithPrometheusAndEveryDashboard() throws IOException {
        assertThat(strings(containers.get("grafana").get("volumes"))).contains(
                "./observability/grafana/provisioning:/etc/grafana/provisioning:ro",
                "./observability/grafana/dashboards:/var/lib/grafana/dashboards:ro");
        Map<String, Object> datasources = new Yaml().load(Files.readString(
                root.resolve("observability/grafana/provisioning/datasources/prometheus.yml")));
        var prometheus = map(list(datasources.get("datasources")).getFirst());
        assertThat(prometheus).containsEntry("url", "http://prometheus:9090").containsEntry("uid", "prometheus");

        var folder = root.resolve("observability/grafana/dashboards");
        try (var files = Files.list(folder)) {
            assertThat(files.map(file -> file.getFileName().toString()).toList())
                    .containsExactlyInAnyOrder("overview.json", "saga.json", "event-backbone.json", "payments.json", "jvm.json");
        }
        for (String file : List.of("overview.json", "saga.json", "event-backbone.json", "payments.json", "jvm.json")) {
            String dashboard = Files.readString(folder.resolve(file));
            assertThat(JsonPath.<List<String>>read(dashboard, "$.panels[*].targets[*].expr")).as(file).isNotEmpty();
            assertThat(JsonPath.<List<String>>read(dashboard, "$..datasource.uid")).as(file).isNotEmpty().containsOnly("prometheus");
            assertThat(JsonPath.<String>read(dashboard, "$.uid")).as(file).isEqualTo("shopflow-" + file.replace(".json", ""));
        }
        assertThat(environment("grafana").get("GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH"))
                .isEqualTo("/var/lib/grafana/dashboards/overview.json");
    }

    /** What the image itself sets ({@code ENV} in the Dockerfile). */
    private static Set<String> imageEnvironment() {
        try {
            return Files.readAllLines(root.resolve("Dockerfile")).stream().filter(line -> line.startsWith("ENV "))
                    .map(line -> line.substring(4).split("=")[0].strip()).collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String image(String container) {
        return String.valueOf(containers.get(container).get("image"));
    }

    /** A container's environment with YAML's merge keys resolved, every value as a string. */
    private static Map<String, String> environment(String container) {
        var environment = new LinkedHashMap<String, String>();
        Object declared = containers.get(container).get("environment");
        if (declared != null) {
            map(declared).forEach((name, value) -> environment.put(name, String.valueOf(value)));
        }
        return environment;
    }

    private static Map<String, Map<String, Object>> containersOf(String file) {
        try {
            Map<String, Object> compose = new Yaml().load(Files.readString(root.resolve(file)));
            var found = new LinkedHashMap<String, Map<String, Object>>();
            map(compose.get("services")).forEach((name, container) -> found.put(name, map(container)));
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return (List<Object>) value;
    }

    static List<String> strings(Object value) {
        return list(value).stream().map(String::valueOf).toList();
    }
}
