package dev.shopflow.localstack;

import dev.shopflow.platform.postgres.PostgresResolver;
import dev.shopflow.platform.postgres.PostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * The whole stack on one machine: resolves PostgreSQL and creates the databases, starts the in-process Kafka broker
 * (unless an external cluster is configured), starts every service in its own JVM and waits until each reports
 * ready. Closing it stops the services gracefully, then Kafka, then a PostgreSQL it started itself.
 */
public final class LocalStack implements AutoCloseable {

    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

    /** The registry name of an embedded PostgreSQL server started by the launcher. */
    static final String EMBEDDED_POSTGRES = "postgres";
    static final int EMBEDDED_POSTGRES_PORT = 54329;

    private final StackSettings settings;
    private final Consumer<String> out;
    private final Services services;
    private final ServiceImages images;
    private final List<AutoCloseable> infrastructure = new ArrayList<>();
    private Thread recorder;
    private PostgresServer postgres;
    private StackSecrets secrets;
    private String kafkaBootstrapServers;
    private String kafkaDescription;
    private KafkaBroker kafkaBroker;
    private Observability observability;
    private InstanceCounts instances = InstanceCounts.ONE_EACH;
    private volatile boolean closing;
    private boolean closed;
    private volatile Thread startingThread;
    private final java.util.concurrent.CountDownLatch startFinished = new java.util.concurrent.CountDownLatch(1);

    public LocalStack(StackSettings settings, Consumer<String> out) {
        this.settings = settings;
        this.out = out;
        this.services = new Services(settings);
        this.images = new ServiceImages(settings, out);
    }

    /**
     * Also runs Prometheus (when installed) and a Zipkin server beside the stack, and sends every service's spans to
     * Zipkin ({@code ./shopflow up --observe}); call before {@link #start}.
     */
    public LocalStack observe() {
        this.observability = new Observability(settings, out);
        return this;
    }

    /**
     * Also runs further instances of some services beside their first ({@code ./shopflow up --instances}), started
     * once every first instance is ready; call before {@link #start}.
     */
    LocalStack instances(InstanceCounts counts) {
        this.instances = counts;
        return this;
    }

    /**
     * Starts everything and returns once every service is ready.
     *
     * @param givenPostgres a server to use, or {@code null} to resolve one as {@link PostgresResolver} describes
     * @throws StackFailure when something cannot start; whatever had started is stopped again
     */
    public LocalStack start(PostgresServer givenPostgres) {
        startingThread = Thread.currentThread();
        long startedAt = System.nanoTime();
        try {
            prepareDirectories();
            secrets = StackSecrets.resolve(settings.environment(), settings.stateDirectory());
            requireFreePorts();
            startPostgres(givenPostgres);
            createDatabases();
            startKafka();
            startObservability();
            startServices();
            awaitReadiness(startedAt);
            startExtraInstances();
            saveDescription();
            out.accept("");
            out.accept(String.format("Shopflow is ready in %.1f s.", seconds(startedAt)));
            recordStartupCachesInTheBackground();
            return this;
        } catch (RuntimeException e) {
            close();
            throw e instanceof StackFailure ? e : new StackFailure(e.getMessage(), e);
        } finally {
            startFinished.countDown();
        }
    }

    /** The table of addresses printed once the stack is ready. */
    public String urlTable() {
        var table = new StringBuilder();
        String format = "  %-16s %-24s %-40s %s%n";
        table.append(String.format(format, "SERVICE", "URL", "SWAGGER UI", "PROMETHEUS"));
        for (ServiceSpec service : ServiceSpec.ALL) {
            String base = "http://localhost:" + settings.port(service);
            // The gateway's Swagger UI lists every service's API document.
            String swagger = base + "/swagger-ui.html";
            // Metrics are on the management port, which the gateway does not route: a scraper on this host reads them.
            String prometheus = "http://localhost:" + settings.managementPort(service) + "/actuator/prometheus";
            table.append(String.format(format, service.name(), base, swagger, prometheus));
            for (ServiceInstance extra : instances.extras()) {
                if (extra.service().equals(service)) {
                    table.append(String.format(format, extra.name(), "http://localhost:" + extra.port(settings), "",
                            "http://localhost:" + extra.managementPort(settings) + "/actuator/prometheus"));
                }
            }
        }
        table.append('\n');
        // The storefront page the gateway serves: browse, buy and watch an order's saga live.
        table.append(String.format("  %-16s %s%n", "Storefront", "http://localhost:" + settings.port(ServiceSpec.GATEWAY) + "/"));
        table.append(String.format("  %-16s %s%n", "Kafka", kafkaDescription));
        table.append(String.format("  %-16s %s, databases %s%n", "PostgreSQL", postgres,
                String.join(", ", settings.databases().values())));
        table.append(String.format("  %-16s %s%n", "Admin", secrets.admin().describe(settings.home())));
        if (observability != null) {
            table.append(observability.describe());
        }
        table.append(String.format("  %-16s %s%n", "Logs", settings.home().relativize(settings.logDirectory().toAbsolutePath()) + "/"
                + "  (./shopflow logs SERVICE)"));
        return table.toString();
    }

    public StackSettings settings() {
        return settings;
    }

    public String kafkaBootstrapServers() {
        return kafkaBootstrapServers;
    }

    /** The in-process broker, or empty when the stack uses {@code KAFKA_BOOTSTRAP_SERVERS} (or has not started it). */
    public java.util.Optional<KafkaBroker> kafkaBroker() {
        return java.util.Optional.ofNullable(kafkaBroker);
    }

    /** How {@code status} and the URL table describe Kafka, such as {@code 127.0.0.1:9092 (in-process KRaft broker, ...)}. */
    String kafkaDescription() {
        return kafkaDescription;
    }

    /** Base URL of a service, for example {@code http://127.0.0.1:8080}. */
    public String url(ServiceSpec service) {
        return "http://127.0.0.1:" + settings.port(service);
    }

    /** Base URL of a service's management port (health, metrics), for example {@code http://127.0.0.1:9080}. */
    public String managementUrl(ServiceSpec service) {
        return "http://127.0.0.1:" + settings.managementPort(service);
    }

    /** The live process of a service, if it runs. */
    public java.util.Optional<ProcessHandle> process(ServiceSpec service) {
        return services.running(service);
    }

    /**
     * Stops the services (in parallel, each gracefully), then Kafka, then a PostgreSQL started by the stack.
     * Safe to call more than once and from a shutdown hook.
     *
     * @return the services that had to be killed because they did not stop in time
     */
    public List<String> stop() {
        closing = true;
        // Told to stop while starting (Ctrl-C, ./shopflow down): let start() notice and give up first, so that
        // nothing it is about to create is created after this cleanup has run.
        if (startingThread != null && startingThread != Thread.currentThread()) {
            try {
                startFinished.await(2, java.util.concurrent.TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return stopEverything();
    }

    private synchronized List<String> stopEverything() {
        if (closed) {
            return List.of();
        }
        closed = true;
        images.cancelRecording();
        if (recorder != null) {
            recorder.interrupt();
        }
        List<String> killed = services.stopAll(ServiceSpec.ALL);
        for (int i = infrastructure.size() - 1; i >= 0; i--) {
            try {
                infrastructure.get(i).close();
            } catch (Exception e) {
                out.accept("  ! could not stop cleanly: " + e.getMessage());
            }
        }
        infrastructure.clear();
        services.registry().forget(EMBEDDED_POSTGRES);
        try {
            Files.deleteIfExists(settings.runDirectory().resolve("stack.properties"));
        } catch (IOException e) {
            // Only a description for `status`; a stale one is overwritten by the next start.
        }
        return killed;
    }

    @Override
    public void close() {
        stop();
    }

    private void prepareDirectories() {
        try {
            Files.createDirectories(settings.logDirectory());
            Files.createDirectories(settings.runDirectory());
            try {
                // Process ids and launch files (with the database password) are nobody else's business.
                Files.setPosixFilePermissions(settings.runDirectory(), java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the user's profile folder is private already.
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + settings.stateDirectory(), e);
        }
        // Further instances of an earlier run (it was checked that none still runs) are not part of this one.
        ServiceInstance.extrasIn(settings).forEach(services::forget);
    }

    private void requireFreePorts() {
        // Each port, with what uses it and the variable that moves it.
        var ports = new LinkedHashMap<Integer, String[]>();
        ServiceSpec.ALL.forEach(service -> {
            ports.put(settings.port(service), new String[] {service.name(), StackSettings.portVariable(service)});
            ports.put(settings.managementPort(service), new String[] {service.name() + "'s management port",
                    StackSettings.managementPortVariable(service)});
        });
        if (settings.kafkaBootstrapServers() == null && settings.kafkaPort() > 0) {
            ports.put(settings.kafkaPort(), new String[] {"Kafka", "SHOPFLOW_KAFKA_PORT"});
        }
        ports.forEach((port, owner) -> {
            try (var socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress("127.0.0.1", port));
            } catch (IOException e) {
                throw new StackFailure("Port " + port + " (" + owner[0] + ") is already in use by another program."
                        + " Stop that program, or choose another port with " + owner[1] + ".");
            }
        });
        new ExtraInstances(settings, services, out).requireFreePorts(instances.extras());
    }

    private void startPostgres(PostgresServer givenPostgres) {
        long began = System.nanoTime();
        if (givenPostgres != null) {
            postgres = givenPostgres;
        } else {
            postgres = PostgresResolver.using(settings.environment(), message -> out.accept("  " + message))
                    .persistEmbeddedServer(settings.postgresDirectory(), EMBEDDED_POSTGRES_PORT)
                    .resolve();
            infrastructure.add(postgres);
            if (postgres.origin() == PostgresServer.Origin.EMBEDDED) {
                recordEmbeddedPostgres();
            }
        }
        out.accept(String.format("  ✓ PostgreSQL      %s (%.1f s)", postgres, seconds(began)));
    }

    /**
     * The embedded server's postmaster runs detached from the launcher; recording it lets {@code ./shopflow down}
     * stop it even if the launcher was killed, and a later {@code up} see that it is still running.
     */
    private void recordEmbeddedPostgres() {
        Path pidFile = settings.postgresDirectory().resolve("postmaster.pid");
        try {
            long pid = Long.parseLong(Files.readAllLines(pidFile).getFirst().trim());
            ProcessHandle.of(pid).ifPresent(process -> services.registry().record(EMBEDDED_POSTGRES, process));
        } catch (IOException | RuntimeException e) {
            out.accept("  ! cannot read " + pidFile + " (" + e.getMessage() + "); if the launcher is killed, stop PostgreSQL yourself");
        }
    }

    private void createDatabases() {
        requireNotClosing();
        var created = new ArrayList<String>();
        for (String database : new LinkedHashSet<>(settings.databases().values())) {
            try {
                if (postgres.databases().createIfMissing(database)) {
                    created.add(database);
                }
            } catch (SQLException e) {
                throw new StackFailure("Cannot create database " + database + " on " + postgres + ": " + e.getMessage(), e);
            }
        }
        out.accept("  ✓ databases       " + String.join(", ", settings.databases().values())
                + (created.isEmpty() ? "" : " (created " + String.join(", ", created) + ")"));
    }

    private void startKafka() {
        requireNotClosing();
        long began = System.nanoTime();
        if (settings.kafkaBootstrapServers() != null) {
            kafkaBootstrapServers = settings.kafkaBootstrapServers();
            requireKafkaAnswers(kafkaBootstrapServers);
            kafkaDescription = kafkaBootstrapServers + " (KAFKA_BOOTSTRAP_SERVERS)";
        } else {
            Path data = settings.kafkaDirectory();
            var broker = KafkaBroker.start(data, settings.kafkaPort());
            infrastructure.add(broker);
            kafkaBroker = broker;
            kafkaBootstrapServers = broker.bootstrapServers();
            kafkaDescription = kafkaBootstrapServers + " (in-process KRaft broker, data in "
                    + settings.home().relativize(data.toAbsolutePath()) + ")";
        }
        out.accept(String.format("  ✓ Kafka           %s (%.1f s)", kafkaDescription, seconds(began)));
    }

    private static void requireKafkaAnswers(String bootstrapServers) {
        try (var admin = AdminClient.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000))) {
            admin.describeCluster().clusterId().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new StackFailure("Kafka at KAFKA_BOOTSTRAP_SERVERS=" + bootstrapServers + " does not answer ("
                    + e.getMessage() + "). Unset it to use the in-process broker.", e);
        }
    }

    private void startObservability() {
        if (observability == null) {
            return;
        }
        requireNotClosing();
        // Closed after the services, so that their last spans still find Zipkin.
        infrastructure.add(observability);
        observability.start();
    }

    private void startServices() {
        requireNotClosing();
        images.extractAll();
        for (ServiceSpec service : ServiceSpec.ALL) {
            requireNotClosing();
            ServiceLaunch launch = services.launchOf(service, postgres, kafkaBootstrapServers, secrets);
            if (observability != null) {
                launch = launch.with(observability.serviceEnvironment());
            }
            services.start(service, launch, true);
        }
        out.accept("  … started " + ServiceSpec.names() + "; waiting for each to report ready");
    }

    /**
     * The further instances of {@code --instances}, once every first instance is ready: by then the databases are
     * migrated and the topics declared, so the newcomers only join in.
     */
    private void startExtraInstances() {
        requireNotClosing();
        new ExtraInstances(settings, services, out, this::requireNotClosing).start(instances.extras(), true);
    }

    /** Records the services' start-up caches while the stack runs, so that the next start is faster. */
    private void recordStartupCachesInTheBackground() {
        if (!images.cachesMissing()) {
            return;
        }
        var launches = new LinkedHashMap<ServiceSpec, ServiceLaunch>();
        ServiceSpec.ALL.forEach(service -> launches.put(service, services.launchOf(service, postgres, kafkaBootstrapServers, secrets)));
        recorder = Thread.ofPlatform().daemon().name("startup-cache-recorder").start(() -> {
            try {
                images.recordMissingCaches(launches);
            } catch (RuntimeException e) {
                out.accept("  ! could not record start-up caches: " + e.getMessage());
            }
        });
    }

    private void awaitReadiness(long startedAt) {
        Set<ServiceSpec> waiting = new LinkedHashSet<>(ServiceSpec.ALL);
        long deadline = System.nanoTime() + settings.startTimeout().toNanos();
        long nextProgress = System.nanoTime() + PROGRESS_EVERY.toNanos();
        while (!waiting.isEmpty()) {
            requireNotClosing();
            for (var iterator = waiting.iterator(); iterator.hasNext(); ) {
                ServiceSpec service = iterator.next();
                if (services.running(service).isEmpty()) {
                    throw new StackFailure(service.name() + " exited while starting. The end of its log ("
                            + settings.logFile(service.name()) + "):\n" + tail(settings.logFile(service.name()), 25));
                }
                if (Readiness.of(settings.managementPort(service)) == Readiness.State.READY) {
                    out.accept(String.format("  ✓ %-15s ready on port %d (%.1f s)", service.name(), settings.port(service), seconds(startedAt)));
                    iterator.remove();
                }
            }
            if (waiting.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new StackFailure("Not ready after " + settings.startTimeout().toSeconds() + " s: "
                        + String.join(", ", waiting.stream().map(ServiceSpec::name).toList())
                        + ". Their logs are in " + settings.logDirectory() + "; SHOPFLOW_START_TIMEOUT_SECONDS waits longer.");
            }
            if (System.nanoTime() > nextProgress) {
                out.accept(String.format("  … waiting for %s (%.0f s)",
                        String.join(", ", waiting.stream().map(ServiceSpec::name).toList()), seconds(startedAt)));
                nextProgress = System.nanoTime() + PROGRESS_EVERY.toNanos();
            }
            pause(Duration.ofMillis(250));
        }
    }

    private void saveDescription() {
        var description = new Properties();
        description.setProperty("kafka", kafkaDescription);
        description.setProperty("postgres", postgres.toString());
        if (observability != null) {
            if (observability.prometheusRuns()) {
                description.setProperty("prometheus", "http://localhost:" + observability.prometheusPort());
            }
            description.setProperty("zipkin", "http://localhost:" + observability.zipkinPort());
        }
        try (var writer = Files.newBufferedWriter(settings.runDirectory().resolve("stack.properties"))) {
            description.store(writer, "The running stack, for ./shopflow status");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the stack description", e);
        }
    }

    private void requireNotClosing() {
        if (closing) {
            throw new StackFailure("Stopped while starting.");
        }
    }

    /** The last lines of a file, or a note that it cannot be read. */
    static String tail(Path file, int lines) {
        try (var stream = Files.lines(file)) {
            var all = stream.toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }

    private static double seconds(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1e9;
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackFailure("Interrupted.");
        }
    }
}
