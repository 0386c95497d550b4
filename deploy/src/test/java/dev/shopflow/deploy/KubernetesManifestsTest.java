package dev.shopflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.shopflow.localstack.ServiceSpec;
import dev.shopflow.localstack.StackSettings;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Kubernetes manifests ({@code deploy/kubernetes}), rendered by {@code kubectl kustomize} for every overlay as
 * {@code kubectl apply -k} would apply them, read into the Kubernetes API's model with unknown fields refused, and
 * checked against what the services really are: their ports and health groups ({@link StackSettings}), their JVM
 * options ({@link StackSettings#DEFAULT_JVM_OPTIONS}), the settings each one reads ({@link ServiceSettings}), which
 * of them use a database and Kafka ({@link ServiceSpec}). The operators' custom resources (CloudNativePG, Strimzi)
 * have no model in fabric8 and no published schema on the registries this build reaches; their structure and their
 * agreement with the services' settings are checked field by field below.
 */
@EnabledIf(value = "dev.shopflow.deploy.Kustomize#canRenderOrMustFail",
        disabledReason = "kubectl is not installed (Debian package kubernetes-client, or KUBECTL=path): the Kubernetes"
                + " manifests are not rendered here. Under CI=true this fails instead; .ci/run installs it.")
class KubernetesManifestsTest {

    private static final String NAMESPACE = "shopflow";
    private static final long MIB = 1024L * 1024L;
    private static final String IMAGE_VERSION = "0.1.0";
    /** The services that get an autoscaler; auth-service runs a fixed count (docs/kubernetes.md says why). */
    private static final Set<String> AUTOSCALED = Set.of("gateway", "catalog-service", "order-service", "payment-service");
    /**
     * Beyond the heap, direct buffers and code cache the JVM options cap, a JVM holds metaspace (about 90 MB for a
     * Boot service), thread stacks, GC and JIT structures and malloc arenas: what a limit must leave for them.
     */
    private static final long NATIVE_ALLOWANCE = 192 * MIB;
    /** Connections a replica holds besides its R2DBC pool: Flyway's at start, the outbox's and the streams' LISTEN. */
    private static final int CONNECTIONS_BESIDES_POOL = 2;

    private static final Map<Path, List<Map<String, Object>>> RENDERED = new ConcurrentHashMap<>();

    static List<Path> overlays() {
        return Kustomize.overlays();
    }

    /** An overlay as kubectl renders it, each core object read into its model. */
    record Overlay(String name, List<Map<String, Object>> raw, List<HasMetadata> objects) {

        static Overlay of(Path folder) {
            var raw = RENDERED.computeIfAbsent(folder, Kustomize::render);
            var objects = raw.stream()
                    .filter(object -> KubernetesModel.KINDS.containsKey(KubernetesModel.key(object)))
                    .map(KubernetesModel::read)
                    .toList();
            return new Overlay(folder.getFileName().toString(), raw, objects);
        }

        <T extends HasMetadata> List<T> all(Class<T> kind) {
            return objects.stream().filter(kind::isInstance).map(kind::cast).toList();
        }

        <T extends HasMetadata> Optional<T> find(Class<T> kind, String name) {
            return all(kind).stream().filter(object -> object.getMetadata().getName().equals(name)).findFirst();
        }

        <T extends HasMetadata> T get(Class<T> kind, String name) {
            return find(kind, name).orElseThrow(() -> new AssertionError(this.name + " has no " + kind.getSimpleName() + " " + name));
        }

        List<Map<String, Object>> custom(String apiVersion, String kind) {
            return raw.stream().filter(object -> (apiVersion + "/" + kind).equals(KubernetesModel.key(object))).toList();
        }

        Container container(String service) {
            var containers = get(Deployment.class, service).getSpec().getTemplate().getSpec().getContainers();
            assertThat(containers).as(service + "'s containers").hasSize(1);
            return containers.getFirst();
        }

        /** The value an environment variable gets from a literal or a rendered ConfigMap; empty for a Secret's. */
        Optional<String> value(EnvVar variable) {
            if (variable.getValueFrom() == null) {
                return Optional.ofNullable(variable.getValue());
            }
            var reference = variable.getValueFrom().getConfigMapKeyRef();
            if (reference == null) {
                return Optional.empty();
            }
            return Optional.ofNullable(get(ConfigMap.class, reference.getName()).getData().get(reference.getKey()));
        }

        String value(String service, String variable) {
            return container(service).getEnv().stream().filter(env -> env.getName().equals(variable)).findFirst()
                    .flatMap(this::value)
                    .orElseThrow(() -> new AssertionError(service + " has no literal or ConfigMap value for " + variable));
        }
    }

    // --- every object is a valid object of the API -------------------------------------------------------------

    @ParameterizedTest
    @MethodSource("overlays")
    void everyOverlayRendersAndEveryObjectIsOfTheApiWithNoUnknownField(Path folder) {
        var overlay = Overlay.of(folder);

        var unknownKinds = overlay.raw().stream().map(KubernetesModel::key)
                .filter(key -> !KubernetesModel.KINDS.containsKey(key))
                .filter(key -> !key.startsWith("postgresql.cnpg.io/") && !key.startsWith("kafka.strimzi.io/"))
                .toList();
        assertThat(unknownKinds).as("kinds neither in the model nor an operator's").isEmpty();
        assertThat(overlay.objects()).as("objects read into the model").isNotEmpty();
        assertThat(overlay.raw()).allSatisfy(object -> {
            if (!KubernetesModel.key(object).equals("v1/Namespace")) {
                assertThat(((Map<?, ?>) object.get("metadata")).get("namespace"))
                        .as(KubernetesModel.key(object) + " " + KubernetesModel.name(object)).isEqualTo(NAMESPACE);
            }
        });
    }

    @Test
    void theModelRefusesAFieldTheApiDoesNotHave() {
        Map<String, Object> misspelt = Map.of("apiVersion", "apps/v1", "kind", "Deployment",
                "metadata", Map.of("name", "gateway"),
                "spec", Map.of("replica", 2, "selector", Map.of("matchLabels", Map.of("app", "gateway"))));
        Map<String, Object> misplaced = Map.of("apiVersion", "v1", "kind", "Service",
                "metadata", Map.of("name", "gateway", "readinessProbe", Map.of()));

        assertThatThrownBy(() -> KubernetesModel.read(misspelt)).hasMessageContaining("replica");
        assertThatThrownBy(() -> KubernetesModel.read(misplaced)).hasMessageContaining("readinessProbe");
        assertThat(KubernetesModel.read(Map.of("apiVersion", "apps/v1", "kind", "Deployment",
                "metadata", Map.of("name", "gateway"), "spec", Map.of("replicas", 2))))
                .isInstanceOf(Deployment.class);
    }

    // --- each service's Deployment -----------------------------------------------------------------------------

    @ParameterizedTest
    @MethodSource("overlays")
    void eachServiceRunsItsImageWithItsPortsAndProbesOnItsManagementPort(Path folder) {
        var overlay = Overlay.of(folder);
        var stack = StackSettings.fromEnvironment(ServiceSettings.projectRoot(), Map.of());

        for (var service : ServiceSpec.ALL) {
            var container = overlay.container(service.name());
            var ports = container.getPorts().stream()
                    .collect(Collectors.toMap(port -> port.getName(), port -> port.getContainerPort()));

            assertThat(container.getImage()).isEqualTo("shopflow/" + service.name() + ":" + IMAGE_VERSION);
            assertThat(ports).as(service.name() + "'s ports")
                    .isEqualTo(Map.of("http", stack.port(service), "management", stack.managementPort(service)));
            assertProbe(service.name() + " startup", container.getStartupProbe(), "/actuator/health/liveness", ports);
            assertProbe(service.name() + " liveness", container.getLivenessProbe(), "/actuator/health/liveness", ports);
            assertProbe(service.name() + " readiness", container.getReadinessProbe(), "/actuator/health/readiness", ports);
        }
    }

    private static void assertProbe(String what, Probe probe, String path, Map<String, Integer> ports) {
        assertThat(probe).as(what).isNotNull();
        HTTPGetAction get = probe.getHttpGet();
        assertThat(get).as(what + " over HTTP").isNotNull();
        assertThat(get.getPath()).as(what + " path").isEqualTo(path);
        var port = get.getPort().getIntVal() != null ? get.getPort().getIntVal() : ports.get(get.getPort().getStrVal());
        assertThat(port).as(what + " port (the management port: the public port serves no actuator)")
                .isEqualTo(ports.get("management"));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void eachServiceHasLimitsThatHoldWhatItsJvmOptionsAllow(Path folder) {
        var overlay = Overlay.of(folder);
        long heap = jvmSize("-Xmx");
        long direct = jvmSize("-XX:MaxDirectMemorySize=");
        long codeCache = jvmSize("-XX:ReservedCodeCacheSize=");
        long needed = heap + direct + codeCache + NATIVE_ALLOWANCE;

        for (var service : ServiceSettings.SERVICES) {
            var resources = overlay.container(service).getResources();
            assertThat(resources.getLimits()).as(service + "'s limits").containsKeys("cpu", "memory");
            assertThat(resources.getRequests()).as(service + "'s requests").containsKeys("cpu", "memory");
            long memoryLimit = bytes(resources.getLimits().get("memory"));

            assertThat(memoryLimit).as(service + ": memory limit ≥ -Xmx + direct memory + code cache + native (%d MiB)",
                    needed / MIB).isGreaterThanOrEqualTo(needed);
            assertThat(memoryLimit).as(service + ": a limit far above what the JVM may use only wastes the node")
                    .isLessThanOrEqualTo(needed * 3 / 2);
            assertThat(bytes(resources.getRequests().get("memory"))).as(service + ": a JVM keeps the memory it took:"
                    + " request what the limit allows").isEqualTo(memoryLimit);
            assertThat(Quantity.getAmountInBytes(resources.getRequests().get("cpu")))
                    .isLessThanOrEqualTo(Quantity.getAmountInBytes(resources.getLimits().get("cpu")));
        }
    }

    private static long jvmSize(String option) {
        var value = StackSettings.DEFAULT_JVM_OPTIONS.stream().filter(flag -> flag.startsWith(option))
                .map(flag -> flag.substring(option.length()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the launcher's JVM options have no " + option));
        var matcher = Pattern.compile("(\\d+)([kKmMgG]?)").matcher(value);
        assertThat(matcher.matches()).as(option + value).isTrue();
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2).toLowerCase()) {
            case "k" -> amount * 1024;
            case "m" -> amount * MIB;
            case "g" -> amount * 1024 * MIB;
            default -> amount;
        };
    }

    private static long bytes(Quantity quantity) {
        return Quantity.getAmountInBytes(quantity).longValueExact();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyPodRunsAsAnOrdinaryUserOnAReadOnlyFilesystem(Path folder) throws IOException {
        var overlay = Overlay.of(folder);
        var imageUser = imageUser();

        for (var deployment : overlay.all(Deployment.class)) {
            var name = deployment.getMetadata().getName();
            var pod = deployment.getSpec().getTemplate().getSpec();
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).as(name + " runAsNonRoot").isTrue();
            assertThat(pod.getSecurityContext().getRunAsUser()).as(name + " runAsUser").isNotNull().isPositive();
            assertThat(pod.getSecurityContext().getSeccompProfile().getType()).as(name).isEqualTo("RuntimeDefault");
            assertThat(pod.getAutomountServiceAccountToken()).as(name + ": no API token it has no use for").isFalse();
            assertThat(pod.getEnableServiceLinks()).as(name + ": no docker-link variables among its settings").isFalse();
            for (var container : pod.getContainers()) {
                var security = container.getSecurityContext();
                assertThat(security.getAllowPrivilegeEscalation()).as(name).isFalse();
                assertThat(security.getReadOnlyRootFilesystem()).as(name + " read-only root").isTrue();
                assertThat(security.getCapabilities().getDrop()).as(name + " capabilities").containsExactly("ALL");
                assertThat(container.getImage()).as(name + "'s image has a fixed tag").matches(".+:[^:]+")
                        .doesNotEndWith(":latest");
                assertThat(container.getReadinessProbe()).as(name + " readiness").isNotNull();
            }
        }
        for (var service : ServiceSettings.SERVICES) {
            var pod = overlay.get(Deployment.class, service).getSpec().getTemplate().getSpec();
            imageUser.ifPresent(user -> assertThat(pod.getSecurityContext().getRunAsUser())
                    .as(service + " runs as the image's user (Dockerfile)").isEqualTo(user));
            var tmp = overlay.container(service).getVolumeMounts().stream()
                    .filter(mount -> mount.getMountPath().equals("/tmp")).findFirst();
            assertThat(tmp).as(service + ": the JVM's and Netty's scratch files need a writable /tmp").isPresent();
            assertThat(pod.getVolumes()).as(service).anySatisfy(volume -> {
                assertThat(volume.getName()).isEqualTo(tmp.get().getName());
                assertThat(volume.getEmptyDir()).isNotNull();
            });
        }
    }

    /** The uid the services' image runs as, when the project has a Dockerfile ({@code USER uid[:gid]}). */
    private static Optional<Long> imageUser() throws IOException {
        var dockerfile = ServiceSettings.projectRoot().resolve("Dockerfile");
        if (!Files.isRegularFile(dockerfile)) {
            return Optional.empty();
        }
        return Files.readAllLines(dockerfile).stream()
                .map(String::trim)
                .filter(line -> line.startsWith("USER "))
                .map(line -> line.substring(5).trim().split(":")[0])
                .filter(user -> user.matches("\\d+"))
                .map(Long::valueOf)
                .reduce((first, last) -> last);
    }

    // --- settings ----------------------------------------------------------------------------------------------

    @ParameterizedTest
    @MethodSource("overlays")
    void everySettingAServiceNeedsOutsideThisMachineIsSetAndNoneOfThemPointsHere(Path folder) {
        var overlay = Overlay.of(folder);

        for (var service : ServiceSettings.SERVICES) {
            var settings = ServiceSettings.of(service);
            var env = overlay.container(service).getEnv();
            var names = env.stream().map(EnvVar::getName).collect(Collectors.toCollection(TreeSet::new));

            assertThat(names).as(service + " sets every variable it must have outside this machine")
                    .containsAll(settings.mustBeSetOutsideThisMachine());
            assertThat(names).as(service + " sets each variable once").hasSize(env.size());
            for (var variable : env) {
                var referenced = env.stream().anyMatch(other -> other.getValue() != null
                        && other.getValue().contains("$(" + variable.getName() + ")"));
                assertThat(settings.names().contains(variable.getName()) || variable.getName().startsWith("SPRING_")
                        || referenced)
                        .as(service + " reads " + variable.getName() + " (or it is Spring's own, or another variable"
                                + " refers to it)").isTrue();
                overlay.value(variable).ifPresent(value -> assertThat(value)
                        .as(service + " " + variable.getName() + " must not point at the pod itself")
                        .doesNotContain("localhost").doesNotContain("127.0.0.1"));
                var secret = variable.getValueFrom() == null ? null : variable.getValueFrom().getSecretKeyRef();
                if (secret != null) {
                    overlay.find(Secret.class, secret.getName()).ifPresent(rendered -> assertThat(
                            rendered.getData()).as(secret.getName()).containsKey(secret.getKey()));
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theServicesFindEachOtherThroughTheirServices(Path folder) {
        var overlay = Overlay.of(folder);
        var uri = Pattern.compile("http://([a-z0-9-]+):(\\d+)(/.*)?");

        for (var service : ServiceSettings.SERVICES) {
            for (var variable : overlay.container(service).getEnv()) {
                if (!variable.getName().startsWith("SERVICES_") && !variable.getName().equals("JWT_JWKS_URI")) {
                    continue;
                }
                var value = overlay.value(service, variable.getName());
                var matcher = uri.matcher(value);
                assertThat(matcher.matches()).as(service + " " + variable.getName() + " = " + value).isTrue();
                var target = overlay.get(Service.class, matcher.group(1));
                assertThat(target.getSpec().getPorts()).as(variable.getName() + " names a port of " + matcher.group(1))
                        .anySatisfy(port -> assertThat(port.getPort()).isEqualTo(Integer.parseInt(matcher.group(2))));
            }
        }
    }

    @Test
    void theSecretsYouCreateAreTheOnesTheDocumentationTellsYouToCreate() throws IOException {
        var guide = Files.readString(ServiceSettings.projectRoot().resolve("docs/kubernetes.md"));
        for (var folder : overlays()) {
            var overlay = Overlay.of(folder);
            var toCreate = new TreeSet<String>();
            for (var service : ServiceSettings.SERVICES) {
                for (var variable : overlay.container(service).getEnv()) {
                    var secret = variable.getValueFrom() == null ? null : variable.getValueFrom().getSecretKeyRef();
                    if (secret != null && overlay.find(Secret.class, secret.getName()).isEmpty()) {
                        assertThat(guide).as("docs/kubernetes.md names " + secret.getName())
                                .contains(secret.getName());
                        assertThat(guide).as("docs/kubernetes.md names the key " + secret.getKey() + " of " + secret.getName())
                                .contains(secret.getKey() + "=");
                        if (!Boolean.TRUE.equals(secret.getOptional())) {
                            toCreate.add(secret.getName());
                        }
                    }
                }
            }
            var databases = ServiceSpec.ALL.stream().filter(service -> service.database() != null)
                    .map(service -> "shopflow-db-" + service.database());
            var expected = new TreeSet<>(Set.of("shopflow-admin", "shopflow-stripe"));
            databases.forEach(expected::add);
            if (overlay.name().equals("managed")) {
                expected.add("shopflow-redis");
            }
            assertThat(toCreate).as(overlay.name() + ": the secrets a user must create before applying it")
                    .isEqualTo(expected);
        }
    }

    // --- scaling -----------------------------------------------------------------------------------------------

    @ParameterizedTest
    @MethodSource("overlays")
    void theGatewayCatalogOrderAndPaymentServicesScaleOnCpuAndEveryServiceSurvivesADrain(Path folder) {
        var overlay = Overlay.of(folder);
        var autoscalers = overlay.all(HorizontalPodAutoscaler.class).stream()
                .collect(Collectors.toMap(hpa -> hpa.getSpec().getScaleTargetRef().getName(), hpa -> hpa));

        assertThat(autoscalers.keySet()).isEqualTo(AUTOSCALED);
        for (var service : ServiceSettings.SERVICES) {
            var deployment = overlay.get(Deployment.class, service);
            int fewest;
            var autoscaler = autoscalers.get(service);
            if (autoscaler != null) {
                var target = autoscaler.getSpec().getScaleTargetRef();
                assertThat(target.getKind()).isEqualTo("Deployment");
                assertThat(target.getApiVersion()).isEqualTo("apps/v1");
                assertThat(deployment.getSpec().getReplicas())
                        .as(service + ": the autoscaler owns the count; an apply would otherwise reset it").isNull();
                assertThat(autoscaler.getSpec().getMinReplicas()).as(service + " min replicas").isGreaterThanOrEqualTo(2);
                assertThat(autoscaler.getSpec().getMaxReplicas()).isGreaterThan(autoscaler.getSpec().getMinReplicas());
                assertThat(autoscaler.getSpec().getMetrics()).as(service + " scales on CPU").anySatisfy(metric -> {
                    assertThat(metric.getResource().getName()).isEqualTo("cpu");
                    assertThat(metric.getResource().getTarget().getAverageUtilization()).isBetween(50, 90);
                });
                fewest = autoscaler.getSpec().getMinReplicas();
            } else {
                fewest = deployment.getSpec().getReplicas();
                assertThat(fewest).as(service + " replicas").isGreaterThanOrEqualTo(2);
            }
            var podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
            var budgets = overlay.all(PodDisruptionBudget.class).stream()
                    .filter(budget -> NetworkReach.matches(budget.getSpec().getSelector(), podLabels)).toList();
            assertThat(budgets).as(service + "'s disruption budget").hasSize(1);
            assertThat(budgets.getFirst().getSpec().getMinAvailable().getIntVal())
                    .as(service + ": a drain may take one pod at a time, never all").isPositive().isLessThan(fewest);
            assertThat(deployment.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal())
                    .as(service + ": a rollout starts a new pod before it stops an old one").isZero();
        }
    }

    @Test
    void thePostgresClusterTakesEveryConnectionTheServicesMayOpenAtTheirMostReplicas() {
        var overlay = Overlay.of(overlay("operators"));
        var cluster = single(overlay.custom("postgresql.cnpg.io/v1", "Cluster"));
        int maxConnections = Integer.parseInt(String.valueOf(
                path(cluster, "spec", "postgresql", "parameters", "max_connections")));

        int most = 0;
        for (var service : ServiceSpec.ALL) {
            if (service.database() == null) {
                continue;
            }
            var deployment = overlay.get(Deployment.class, service.name());
            int replicas = overlay.all(HorizontalPodAutoscaler.class).stream()
                    .filter(hpa -> hpa.getSpec().getScaleTargetRef().getName().equals(service.name()))
                    .map(hpa -> hpa.getSpec().getMaxReplicas())
                    .findFirst()
                    .orElse(deployment.getSpec().getReplicas());
            int pool = overlay.container(service.name()).getEnv().stream()
                    .filter(env -> env.getName().equals("DB_POOL_MAX_SIZE")).findFirst()
                    .flatMap(overlay::value)
                    .or(() -> ServiceSettings.of(service.name()).all().stream()
                            .filter(setting -> setting.name().equals("DB_POOL_MAX_SIZE")).findFirst()
                            .flatMap(ServiceSettings.Setting::defaultValue))
                    .map(Integer::parseInt)
                    .orElseThrow();
            most += replicas * (pool + CONNECTIONS_BESIDES_POOL);
        }
        // The operator's own connections and superuser_reserved_connections need room too.
        assertThat(most).as("connections at the autoscalers' maxima").isLessThanOrEqualTo(maxConnections * 9 / 10);
    }

    // --- the network -------------------------------------------------------------------------------------------

    @ParameterizedTest
    @MethodSource("overlays")
    void onlyTheGatewayIsReachableFromOutsideAndEachServiceReachesOnlyWhatItCalls(Path folder) {
        var overlay = Overlay.of(folder);
        var reach = new NetworkReach(NAMESPACE, overlay.all(NetworkPolicy.class));
        var stack = StackSettings.fromEnvironment(ServiceSettings.projectRoot(), Map.of());
        var pods = new LinkedHashMap<String, NetworkReach.Pod>();
        int address = 10;
        for (var deployment : overlay.all(Deployment.class)) {
            var name = deployment.getMetadata().getName();
            var ports = deployment.getSpec().getTemplate().getSpec().getContainers().getFirst().getPorts().stream()
                    .collect(Collectors.toMap(port -> port.getName(), port -> port.getContainerPort()));
            pods.put(name, pod(name, deployment.getSpec().getTemplate().getMetadata().getLabels(), NAMESPACE, ports,
                    "10.244.1." + address++));
        }
        var internet = new NetworkReach.Address("203.0.113.7");
        var ingressController = pod("an ingress controller", Map.of("app", "ingress"), "ingress", Map.of(), "10.244.2.2");
        var monitoring = pod("Prometheus", Map.of("app", "prometheus"), "monitoring", Map.of(), "10.244.2.3");
        var stranger = pod("a pod of another namespace", Map.of("app", "other"), "other", Map.of(), "10.244.2.4");

        var calls = Set.of("gateway>auth-service", "gateway>catalog-service", "gateway>order-service",
                "gateway>payment-service", "catalog-service>auth-service", "order-service>auth-service",
                "order-service>catalog-service", "payment-service>auth-service");
        for (var from : ServiceSpec.ALL) {
            for (var to : ServiceSpec.ALL) {
                assertThat(reach.allows(pods.get(from.name()), pods.get(to.name()), stack.port(to)))
                        .as(from.name() + " → " + to.name() + ":" + stack.port(to))
                        .isEqualTo(calls.contains(from.name() + ">" + to.name()));
            }
            for (var outsider : List.of(internet, ingressController, stranger)) {
                assertThat(reach.allows(outsider, pods.get(from.name()), stack.port(from)))
                        .as(outsider + " → " + from.name()).isEqualTo(from.equals(ServiceSpec.GATEWAY));
                assertThat(reach.allows(outsider, pods.get(from.name()), stack.managementPort(from)))
                        .as(outsider + " → " + from.name() + "'s management port").isFalse();
            }
            assertThat(reach.allows(monitoring, pods.get(from.name()), stack.managementPort(from)))
                    .as("Prometheus scrapes " + from.name()).isTrue();
            assertThat(reach.allows(monitoring, pods.get(from.name()), stack.port(from)))
                    .as("Prometheus → " + from.name() + "'s public port").isEqualTo(from.equals(ServiceSpec.GATEWAY));
            assertThat(reach.allows(pods.get(from.name()), internet, 53, "UDP")).as(from.name() + " looks names up").isTrue();
            assertThat(reach.allows(pods.get(from.name()), internet, 443))
                    .as(from.name() + " → the internet (Stripe)").isEqualTo(from.name().equals("payment-service"));
            assertThat(reach.allows(pods.get(from.name()), new NetworkReach.Address("10.1.2.3"), 443))
                    .as(from.name() + " → a private HTTPS server").isFalse();
        }

        var infrastructure = infrastructure(overlay);
        for (var from : ServiceSpec.ALL) {
            var pod = pods.get(from.name());
            assertThat(reach.allows(pod, infrastructure.postgres(), infrastructure.postgresPort()))
                    .as(from.name() + " → PostgreSQL").isEqualTo(from.database() != null);
            assertThat(reach.allows(pod, infrastructure.kafka(), infrastructure.kafkaPort()))
                    .as(from.name() + " → Kafka").isEqualTo(from.usesKafka());
            assertThat(reach.allows(pod, infrastructure.redis(), 6379))
                    .as(from.name() + " → Redis").isEqualTo(from.equals(ServiceSpec.GATEWAY));
        }
        for (var outsider : List.of(internet, stranger)) {
            if (infrastructure.postgres() instanceof NetworkReach.Pod) {
                assertThat(reach.allows(outsider, infrastructure.postgres(), infrastructure.postgresPort()))
                        .as(outsider + " → PostgreSQL").isFalse();
                assertThat(reach.allows(outsider, infrastructure.redis(), 6379)).as(outsider + " → Redis").isFalse();
            }
        }
    }

    /** Where an overlay's PostgreSQL, Kafka and Redis are, as the network sees them. */
    private record Infrastructure(NetworkReach.Endpoint postgres, int postgresPort, NetworkReach.Endpoint kafka,
            int kafkaPort, NetworkReach.Endpoint redis) {
    }

    private static Infrastructure infrastructure(Overlay overlay) {
        var clusters = overlay.custom("postgresql.cnpg.io/v1", "Cluster");
        if (clusters.isEmpty()) {
            // A managed service's address in the VPC; the ports are the configured ones.
            var managed = new NetworkReach.Address("10.20.30.40");
            int databasePort = Integer.parseInt(overlay.value("auth-service", "DB_PORT"));
            int kafkaPort = Integer.parseInt(overlay.value("order-service", "KAFKA_BOOTSTRAP_SERVERS").split(",")[0].split(":")[1]);
            return new Infrastructure(managed, databasePort, managed, kafkaPort, managed);
        }
        var kafka = single(overlay.custom("kafka.strimzi.io/v1", "Kafka"));
        var postgres = pod("PostgreSQL", Map.of("cnpg.io/cluster", KubernetesModel.name(single(clusters)),
                "cnpg.io/instanceRole", "primary"), NAMESPACE, Map.of("postgresql", 5432), "10.244.3.2");
        var broker = pod("a Kafka broker", Map.of("strimzi.io/cluster", KubernetesModel.name(kafka),
                "strimzi.io/kind", "Kafka", "strimzi.io/broker-role", "true"), NAMESPACE, Map.of(), "10.244.3.3");
        var redisLabels = overlay.get(Deployment.class, "redis").getSpec().getTemplate().getMetadata().getLabels();
        var redis = pod("Redis", redisLabels, NAMESPACE, Map.of("redis", 6379), "10.244.3.4");
        return new Infrastructure(postgres, 5432, broker, 9092, redis);
    }

    private static NetworkReach.Pod pod(String description, Map<String, String> labels, String namespace,
            Map<String, Integer> ports, String address) {
        return new NetworkReach.Pod(description, labels, namespace, Map.of("kubernetes.io/metadata.name", namespace),
                ports, address);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theIngressLeadsToTheGatewayOnlyAndNoServiceExposesItsManagementPort(Path folder) {
        var overlay = Overlay.of(folder);
        var stack = StackSettings.fromEnvironment(ServiceSettings.projectRoot(), Map.of());

        var backends = overlay.all(Ingress.class).stream()
                .flatMap(ingress -> ingress.getSpec().getRules().stream())
                .flatMap(rule -> rule.getHttp().getPaths().stream())
                .map(path -> path.getBackend().getService())
                .toList();
        assertThat(backends).isNotEmpty().allSatisfy(backend -> {
            assertThat(backend.getName()).isEqualTo("gateway");
            assertThat(backend.getPort().getName()).isEqualTo("http");
        });
        for (var service : ServiceSpec.ALL) {
            var ports = overlay.get(Service.class, service.name()).getSpec().getPorts();
            assertThat(ports).as(service.name() + "'s Service").singleElement().satisfies(port -> {
                assertThat(port.getPort()).isEqualTo(stack.port(service));
                assertThat(port.getTargetPort().getStrVal()).isEqualTo("http");
            });
            assertThat(overlay.get(Service.class, service.name()).getSpec().getType()).as(service.name())
                    .isIn(null, "ClusterIP");
        }
    }

    // --- the operators' custom resources (checked field by field: no model or schema to read them into) ---------

    @Test
    void theOperatorsOverlayRunsPostgresWithOneDatabaseAndRolePerServiceAndTheServicesUseThem() {
        var overlay = Overlay.of(overlay("operators"));
        var cluster = single(overlay.custom("postgresql.cnpg.io/v1", "Cluster"));
        var clusterName = KubernetesModel.name(cluster);
        assertThat(keys(cluster, "spec")).as("the Cluster's fields this overlay relies on")
                .isSubsetOf("instances", "storage", "postgresql", "managed", "resources");
        assertThat((Integer) path(cluster, "spec", "instances")).as("a standby to fail over to").isGreaterThanOrEqualTo(2);
        assertThat(String.valueOf(path(cluster, "spec", "storage", "size"))).matches("\\d+Gi");

        var roles = new HashMap<String, String>();
        for (var role : list(path(cluster, "spec", "managed", "roles"))) {
            assertThat(role.keySet()).isSubsetOf("name", "ensure", "login", "passwordSecret");
            assertThat(role.get("login")).isEqualTo(true);
            assertThat(role.get("ensure")).isEqualTo("present");
            roles.put((String) role.get("name"), (String) path(role, "passwordSecret", "name"));
        }
        var databases = new HashMap<String, String>();
        for (var database : overlay.custom("postgresql.cnpg.io/v1", "Database")) {
            assertThat(keys(database, "spec")).isSubsetOf("cluster", "name", "owner");
            assertThat(path(database, "spec", "cluster", "name")).isEqualTo(clusterName);
            databases.put((String) path(database, "spec", "name"), (String) path(database, "spec", "owner"));
        }

        for (var service : ServiceSpec.ALL) {
            if (service.database() == null) {
                continue;
            }
            var env = overlay.container(service.name()).getEnv().stream()
                    .collect(Collectors.toMap(EnvVar::getName, variable -> variable));
            assertThat(overlay.value(service.name(), "DB_HOST")).as("the primary, through CloudNativePG's read-write Service")
                    .isEqualTo(clusterName + "-rw");
            assertThat(overlay.value(service.name(), "DB_NAME")).isEqualTo(service.database());
            assertThat(databases).as("a Database for " + service.name()).containsKey(service.database());
            var owner = databases.get(service.database());
            var secret = env.get("DB_USER").getValueFrom().getSecretKeyRef();
            assertThat(secret.getKey()).isEqualTo("username");
            assertThat(env.get("DB_PASSWORD").getValueFrom().getSecretKeyRef().getName()).isEqualTo(secret.getName());
            assertThat(env.get("DB_PASSWORD").getValueFrom().getSecretKeyRef().getKey()).isEqualTo("password");
            assertThat(roles.get(owner)).as(service.name() + " logs in as " + owner + ", the owner of its database,"
                    + " whose password the operator sets from the same secret").isEqualTo(secret.getName());
        }
        assertThat(databases.values()).as("each role owns one database").doesNotHaveDuplicates();
    }

    @Test
    void theOperatorsOverlayRunsKafkaInKraftModeWithEveryTopicOnEnoughBrokersToLoseOne() {
        var overlay = Overlay.of(overlay("operators"));
        var kafka = single(overlay.custom("kafka.strimzi.io/v1", "Kafka"));
        var kafkaName = KubernetesModel.name(kafka);
        var pools = overlay.custom("kafka.strimzi.io/v1", "KafkaNodePool");

        assertThat(keys(kafka, "spec")).as("KRaft: no ZooKeeper, and brokers in node pools").containsExactly("kafka");
        assertThat(keys(kafka, "spec", "kafka")).isSubsetOf("listeners", "config", "version", "metadataVersion");
        assertThat(pools).isNotEmpty().allSatisfy(pool -> {
            assertThat(path(pool, "metadata", "labels", "strimzi.io/cluster")).isEqualTo(kafkaName);
            assertThat(keys(pool, "spec")).isSubsetOf("replicas", "roles", "storage", "resources", "jvmOptions");
        });
        var roles = pools.stream().flatMap(pool -> ((List<?>) path(pool, "spec", "roles")).stream())
                .map(String::valueOf)
                .collect(Collectors.toSet());
        assertThat(roles).as("KRaft controllers and brokers").containsExactlyInAnyOrder("controller", "broker");
        int brokers = pools.stream().filter(pool -> ((List<?>) path(pool, "spec", "roles")).contains("broker"))
                .mapToInt(pool -> (Integer) path(pool, "spec", "replicas")).sum();

        var config = (Map<?, ?>) path(kafka, "spec", "kafka", "config");
        int minInSync = ((Number) config.get("min.insync.replicas")).intValue();
        assertThat(config.get("auto.create.topics.enable")).as("topics are declared by the services").isEqualTo(false);
        var listener = list(path(kafka, "spec", "kafka", "listeners")).stream()
                .filter(candidate -> Boolean.FALSE.equals(candidate.get("tls"))).findFirst().orElseThrow();
        assertThat(listener.keySet()).isSubsetOf("name", "port", "type", "tls", "networkPolicyPeers");
        assertThat(listener.get("type")).isEqualTo("internal");
        var peers = list(listener.get("networkPolicyPeers"));
        var allowed = peers.stream()
                .flatMap(peer -> list(path(peer, "podSelector", "matchExpressions")).stream())
                .filter(expression -> "app.kubernetes.io/name".equals(expression.get("key")))
                .flatMap(expression -> ((List<?>) expression.get("values")).stream())
                .collect(Collectors.toSet());
        assertThat(allowed).as("only the services that use Kafka reach its listener").isEqualTo(
                ServiceSpec.ALL.stream().filter(ServiceSpec::usesKafka).map(ServiceSpec::name).collect(Collectors.toSet()));

        for (var service : ServiceSpec.ALL) {
            if (!service.usesKafka()) {
                continue;
            }
            assertThat(overlay.value(service.name(), "KAFKA_BOOTSTRAP_SERVERS"))
                    .isEqualTo(kafkaName + "-kafka-bootstrap:" + listener.get("port"));
            int replication = Integer.parseInt(overlay.value(service.name(), "KAFKA_REPLICATION_FACTOR"));
            assertThat(replication).as(service.name() + "'s topics fit on the brokers").isLessThanOrEqualTo(brokers);
            assertThat(minInSync).as("acks=all goes on with one broker down").isLessThan(replication).isGreaterThan(1);
        }
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private static Path overlay(String name) {
        return overlays().stream().filter(folder -> folder.getFileName().toString().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no overlay " + name));
    }

    private static Map<String, Object> single(List<Map<String, Object>> objects) {
        assertThat(objects).hasSize(1);
        return objects.getFirst();
    }

    private static Object path(Map<?, ?> object, String... keys) {
        Object current = object;
        for (var key : keys) {
            assertThat(current).as(String.join(".", keys)).isInstanceOf(Map.class);
            current = ((Map<?, ?>) current).get(key);
        }
        return current;
    }

    private static Set<String> keys(Map<?, ?> object, String... keys) {
        return ((Map<?, ?>) path(object, keys)).keySet().stream().map(String::valueOf).collect(Collectors.toSet());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return new ArrayList<>((List<Map<String, Object>>) value);
    }
}
