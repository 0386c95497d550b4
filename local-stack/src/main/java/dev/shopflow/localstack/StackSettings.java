package dev.shopflow.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the launcher needs to run the stack. {@link #fromEnvironment} reads a user's settings; tests build
 * their own with other ports, databases and folders.
 *
 * @param home the project root, where each service's jar is built ({@code SERVICE/target/SERVICE.jar})
 * @param stateDirectory where logs, process ids and Kafka's data go ({@code .shopflow} by default)
 * @param ports the port of each service
 * @param managementPorts the management port of each service, where its health and metrics are served
 * @param databases the database of each service that owns one
 * @param kafkaBootstrapServers an external Kafka cluster, or {@code null} to run the in-process broker
 * @param kafkaPort the in-process broker's port (0: a free one)
 * @param environment the environment the PostgreSQL resolver reads ({@code SHOPFLOW_POSTGRES_URL} ...)
 * @param jvmOptions the options every service JVM starts with
 * @param startTimeout how long to wait for every service to report ready
 */
public record StackSettings(
        Path home,
        Path stateDirectory,
        Map<String, Integer> ports,
        Map<String, Integer> managementPorts,
        Map<String, String> databases,
        String kafkaBootstrapServers,
        int kafkaPort,
        Map<String, String> environment,
        List<String> jvmOptions,
        Duration startTimeout) {

    /**
     * Small-footprint defaults chosen by measurement (see the README), shared with the container images: a serial
     * collector suits small heaps, and a capped heap, thread stack and direct memory keep each JVM's resident size
     * predictable.
     */
    public static final List<String> DEFAULT_JVM_OPTIONS = List.of(
            "-XX:+UseSerialGC",
            "-Xms24m",
            "-Xmx160m",
            "-Xss512k",
            "-XX:MaxDirectMemorySize=64m",
            "-XX:ReservedCodeCacheSize=64m",
            "-XX:+ExitOnOutOfMemoryError",
            "--enable-native-access=ALL-UNNAMED");

    /**
     * The local stack's JVMs compile with the JIT's first tier only (C1): six JVMs share a laptop's cores, and C2's
     * compiling took a third of the CPU of a start, slowed a young stack by a third and cost ≈ 60 MB per JVM; it pays
     * off only after minutes of sustained load (ADR 0030). {@code SHOPFLOW_JVM_OPTS=-XX:TieredStopAtLevel=4} turns
     * C2 back on (the last occurrence of an option wins).
     */
    static final List<String> LOCAL_JIT_OPTIONS = List.of("-XX:TieredStopAtLevel=1");

    /** How far above its port a service's management port is, unless told otherwise (8083 → 9083). */
    static final int MANAGEMENT_PORT_OFFSET = 1000;

    /**
     * The settings a user gets from {@code ./shopflow}: the default ports unless {@code SHOPFLOW_<SERVICE>_PORT}
     * (for example {@code SHOPFLOW_ORDER_SERVICE_PORT}) says otherwise, each management port 1000 above its port
     * unless {@code SHOPFLOW_<SERVICE>_MANAGEMENT_PORT} says otherwise, the in-process broker on
     * {@code SHOPFLOW_KAFKA_PORT} (9092) unless {@code KAFKA_BOOTSTRAP_SERVERS} names a cluster, and
     * {@code SHOPFLOW_JVM_OPTS} appended to every service's JVM options. {@code SHOPFLOW_STATE_DIR} moves the
     * state folder, and {@code SHOPFLOW_DATABASE_SUFFIX} gives every database a suffix, so that two stacks can
     * share one PostgreSQL server.
     */
    public static StackSettings fromEnvironment(Path home, Map<String, String> environment) {
        var ports = new LinkedHashMap<String, Integer>();
        var managementPorts = new LinkedHashMap<String, Integer>();
        var databases = new LinkedHashMap<String, String>();
        for (ServiceSpec service : ServiceSpec.ALL) {
            int port = intSetting(environment, portVariable(service), service.defaultPort());
            ports.put(service.name(), port);
            managementPorts.put(service.name(),
                    intSetting(environment, managementPortVariable(service), port + MANAGEMENT_PORT_OFFSET));
            if (service.database() != null) {
                databases.put(service.name(), service.database() + environment.getOrDefault("SHOPFLOW_DATABASE_SUFFIX", ""));
            }
        }
        var jvmOptions = new ArrayList<>(DEFAULT_JVM_OPTIONS);
        jvmOptions.addAll(LOCAL_JIT_OPTIONS);
        String extra = environment.get("SHOPFLOW_JVM_OPTS");
        if (extra != null && !extra.isBlank()) {
            jvmOptions.addAll(List.of(extra.trim().split("\\s+")));
        }
        String kafka = environment.get("KAFKA_BOOTSTRAP_SERVERS");
        String stateDirectory = environment.get("SHOPFLOW_STATE_DIR");
        return new StackSettings(home,
                stateDirectory == null || stateDirectory.isBlank() ? home.resolve(".shopflow") : home.resolve(stateDirectory.trim()),
                ports, managementPorts, databases,
                kafka == null || kafka.isBlank() ? null : kafka.trim(),
                intSetting(environment, "SHOPFLOW_KAFKA_PORT", 9092),
                environment, jvmOptions,
                Duration.ofSeconds(intSetting(environment, "SHOPFLOW_START_TIMEOUT_SECONDS", 240)));
    }

    /**
     * The same settings with these ports, management ports, databases and state directory, and an in-process broker
     * on a free port: a stack that runs beside any other (used by the system tests).
     */
    public StackSettings isolated(Map<String, Integer> ports, Map<String, Integer> managementPorts,
            Map<String, String> databases, Path stateDirectory) {
        return new StackSettings(home, stateDirectory, ports, managementPorts, databases, null, 0, environment,
                jvmOptions, startTimeout);
    }

    public Path logDirectory() {
        return stateDirectory.resolve("logs");
    }

    public Path runDirectory() {
        return stateDirectory.resolve("run");
    }

    public Path kafkaDirectory() {
        return stateDirectory.resolve("kafka");
    }

    public Path postgresDirectory() {
        return stateDirectory.resolve("postgres");
    }

    public Path logFile(String name) {
        return logDirectory().resolve(name + ".log");
    }

    public Path jar(ServiceSpec service) {
        return home.resolve(service.name()).resolve("target").resolve(service.name() + ".jar");
    }

    public int port(ServiceSpec service) {
        return ports.get(service.name());
    }

    /** Where the service's health and metrics are served; the gateway does not route to it. */
    public int managementPort(ServiceSpec service) {
        return managementPorts.get(service.name());
    }

    public String database(ServiceSpec service) {
        return databases.get(service.name());
    }

    static String portVariable(ServiceSpec service) {
        return "SHOPFLOW_" + service.name().toUpperCase().replace('-', '_') + "_PORT";
    }

    static String managementPortVariable(ServiceSpec service) {
        return "SHOPFLOW_" + service.name().toUpperCase().replace('-', '_') + "_MANAGEMENT_PORT";
    }

    /** The whole number a variable holds, or {@code fallback} when it is unset or blank. */
    static int intSetting(Map<String, String> environment, String name, int fallback) {
        String value = environment.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, not '" + value + "'");
        }
    }

}
