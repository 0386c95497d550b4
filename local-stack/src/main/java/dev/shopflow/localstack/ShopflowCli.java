package dev.shopflow.localstack;

import dev.shopflow.localstack.audit.AuditReport;
import dev.shopflow.localstack.audit.AuditSettings;
import dev.shopflow.localstack.audit.AuditTarget;
import dev.shopflow.localstack.audit.AuditUnavailable;
import dev.shopflow.localstack.audit.ConsistencyAudit;
import dev.shopflow.localstack.chaos.ChaosCommand;
import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import dev.shopflow.localstack.events.EventsCommand;
import dev.shopflow.localstack.lab.LabCommand;
import dev.shopflow.localstack.lab.LabStack;
import dev.shopflow.localstack.load.LoadCommand;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./shopflow} commands: {@code up [-d] [--observe] [--instances SERVICE=N,...]}, {@code down}, {@code status},
 * {@code logs SERVICE [-f]}, {@code kill SERVICE}, {@code restart SERVICE} (also {@code kafka}), {@code scale SERVICE N},
 * {@code audit [--settle DURATION]}, {@code load SCENARIO}, {@code chaos}, {@code events ...}, {@code lab [check N]}.
 * A service's further instances are named {@code order-service-2} and so on wherever a command takes a service.
 * ({@code test} is handled by the script: it is {@code ./mvnw verify}.) {@link #run} returns the exit code; other
 * commands (such as a load run that audits the stack afterwards) dispatch through it too.
 */
public final class ShopflowCli {

    private static final String USAGE = """
            Usage: ./shopflow COMMAND

              up              run the whole stack in the foreground until Ctrl-C
              up -d           start the stack in the background and return once it is ready
              up --observe    also run Prometheus (when installed) and Zipkin, and send traces to Zipkin
              up --instances order-service=2,payment-service=2
                              also run further instances of services (order-service-2 ...) beside the first
              down            stop the stack
              status          show what runs and whether each service is ready
              logs SERVICE    show a service's log (-f to follow); also: launcher, kafka
              kill SERVICE    kill a service at once, as a crash would (SIGKILL); kill kafka stops the broker
              restart SERVICE stop a service gracefully and start it again; restart kafka restarts the broker
              scale SERVICE N run N instances of a service in the running stack (order-service-2 on 8183 ...)
              audit           check the stores of the running stack are consistent (exit 1 if not);
                              --settle 30s: how long to check again while work in flight settles
              load SCENARIO   run a k6 load scenario against the running stack, then the audit
                              (smoke, browse, checkout, spike, soak, capacity; --rate N --duration D --vus N)
              chaos           kill and restart each service, restart Kafka and cut the database connections while
                              k6 places orders, then audit (--rate N --down D --pause D --settle D --faults LIST)
              events          list the records on the topics, publish a raw record, resend one (fault labs)
              lab [check N]   the fault labs of docs/labs/; check N: did the stack show what lab N is about?
              test            run every test (./mvnw verify)

            Services: %s
            A service's further instances: order-service-2, order-service-3 ... (kill, restart, logs take them too)
            """.formatted(ServiceSpec.names());

    private static final String OBSERVE = "--observe";

    private final StackSettings settings;
    private final PrintStream out;

    /** A command line over the stack these settings describe, printing to {@code out}. */
    public ShopflowCli(StackSettings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    public static void main(String[] args) {
        Path home = Path.of(System.getProperty("shopflow.home", ".")).toAbsolutePath().normalize();
        int code;
        try {
            var settings = StackSettings.fromEnvironment(home, System.getenv());
            // Read by logback.xml for the in-process broker's log file; set before anything logs.
            System.setProperty("shopflow.log-dir", settings.logDirectory().toString());
            code = new ShopflowCli(settings, System.out).run(List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            code = 2;
        } catch (RuntimeException | Error e) {
            // Kafka's threads would keep the JVM alive after an unexpected failure: say what happened and exit.
            System.err.println("Shopflow failed: " + e);
            e.printStackTrace();
            code = 1;
        }
        System.out.flush();
        System.exit(code);
    }

    /**
     * Runs one command, as {@code ./shopflow ARGS} does.
     *
     * @return the exit code: 0 done, 1 failed, 2 bad arguments
     */
    public int run(List<String> args) {
        if (args.isEmpty()) {
            out.print(USAGE);
            return 2;
        }
        String command = args.getFirst();
        List<String> rest = args.subList(1, args.size());
        return switch (command) {
            case "up" -> upCommand(rest);
            case "supervise" -> new Supervisor(settings, out, rest.contains(OBSERVE), instancesOption(rest)).run(true);
            case "down" -> down();
            case "status" -> status();
            case "logs" -> logs(rest);
            case "kill" -> BrokerControl.names(rest) ? BrokerControl.command(settings, out, BrokerControl.Action.STOP) : kill(rest);
            case "restart" -> BrokerControl.names(rest) ? BrokerControl.command(settings, out, BrokerControl.Action.RESTART) : restart(rest);
            case "scale" -> new ScaleCommand(settings, out).run(rest);
            case "audit" -> audit(rest);
            case "load" -> load(rest);
            case "chaos" -> new ChaosCommand(settings, out).run(rest, this::loadTarget,
                    (arguments, printer) -> new ShopflowCli(settings, printer).run(arguments));
            case "events" -> new EventsCommand(out).run(rest, () -> runningStores().map(AuditTarget::kafkaBootstrapServers));
            case "lab" -> new LabCommand(out).run(rest, this::labStack);
            case "help", "-h", "--help" -> {
                out.print(USAGE);
                yield 0;
            }
            default -> {
                out.println("Unknown command: " + command);
                out.print(USAGE);
                yield 2;
            }
        };
    }

    private int upCommand(List<String> options) {
        boolean detached = false;
        boolean observe = false;
        InstanceCounts instances;
        try {
            instances = instancesOption(options);
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage());
            return 2;
        }
        for (int i = 0; i < options.size(); i++) {
            String option = options.get(i);
            switch (option) {
                case "-d", "--detach" -> detached = true;
                case OBSERVE -> observe = true;
                case InstanceCounts.OPTION -> i++; // read above, with its value
                default -> {
                    if (!option.startsWith(InstanceCounts.OPTION + "=")) {
                        out.println("Unknown option for up: " + option + " (-d, " + OBSERVE + ", " + InstanceCounts.OPTION + ")");
                        return 2;
                    }
                }
            }
        }
        return detached ? upDetached(observe, instances) : new Supervisor(settings, out, observe, instances).run(false);
    }

    /**
     * The counts of {@code --instances SERVICE=N,...} (or {@code --instances=SERVICE=N,...}) among these options;
     * one of each without it.
     *
     * @throws IllegalArgumentException when its value is missing or wrong
     */
    private static InstanceCounts instancesOption(List<String> options) {
        for (int i = 0; i < options.size(); i++) {
            String option = options.get(i);
            if (option.equals(InstanceCounts.OPTION)) {
                if (i + 1 == options.size()) {
                    throw new IllegalArgumentException(InstanceCounts.OPTION + " needs SERVICE=COUNT[,SERVICE=COUNT...],"
                            + " such as order-service=2,payment-service=2.");
                }
                return InstanceCounts.parse(options.get(i + 1));
            }
            if (option.startsWith(InstanceCounts.OPTION + "=")) {
                return InstanceCounts.parse(option.substring(InstanceCounts.OPTION.length() + 1));
            }
        }
        return InstanceCounts.ONE_EACH;
    }

    /** Starts a supervisor in its own session, shows its progress, and returns once it is ready or has failed. */
    private int upDetached(boolean observe, InstanceCounts instances) {
        if (Supervisor.running(settings).isPresent()) {
            out.println("Shopflow is already running: ./shopflow status shows it, ./shopflow down stops it.");
            return 1;
        }
        Path log = settings.logFile(Supervisor.NAME);
        var command = new ArrayList<String>();
        if (Processes.installed("setsid")) {
            command.add("setsid"); // its own session: closing this terminal does not stop the stack
        }
        command.add(Processes.java());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        String classPath = System.getProperty("java.class.path");
        if (classPath.endsWith(".jar") && !classPath.contains(java.io.File.pathSeparator)) {
            command.addAll(List.of("-jar", classPath)); // the executable jar that ./shopflow runs
        } else {
            command.addAll(List.of("-cp", classPath, ShopflowCli.class.getName()));
        }
        command.add("supervise");
        if (observe) {
            command.add(OBSERVE);
        }
        if (!instances.extras().isEmpty()) {
            command.addAll(List.of(InstanceCounts.OPTION, instances.toString()));
        }
        try {
            Files.deleteIfExists(settings.runDirectory().resolve("launcher.state"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot reset " + settings.runDirectory().resolve("launcher.state"), e);
        }
        Process supervisor = Processes.start(command, java.util.Map.of(), settings.home(), log, false);
        // Ctrl-C before the stack is ready means "don't start it": stop the launcher rather than leave it starting.
        Thread abandon = new Thread(() -> {
            if (Supervisor.state(settings).filter(s -> s == Supervisor.State.READY).isEmpty() && supervisor.isAlive()) {
                System.out.println("\nInterrupted before Shopflow was ready: stopping it …");
                supervisor.destroy();
                supervisor.onExit().completeOnTimeout(null, Supervisor.stopTimeout().toSeconds(), TimeUnit.SECONDS).join();
            }
        }, "abandon-start");
        Runtime.getRuntime().addShutdownHook(abandon);
        long deadline = System.nanoTime() + settings.startTimeout().plusMinutes(2)
                .plus(observe ? Observability.LONGEST_START : java.time.Duration.ZERO).toNanos();
        var follower = new LogFollower(log);
        while (true) {
            follower.printNew(out);
            var state = Supervisor.state(settings);
            if (state.filter(s -> s == Supervisor.State.READY).isPresent()) {
                LocalStack.pause(Duration.ofMillis(300));
                follower.printNew(out);
                Runtime.getRuntime().removeShutdownHook(abandon);
                return 0;
            }
            if (!supervisor.isAlive() || state.filter(s -> s == Supervisor.State.FAILED).isPresent()) {
                supervisor.onExit().orTimeout(60, TimeUnit.SECONDS).join();
                follower.printNew(out);
                Runtime.getRuntime().removeShutdownHook(abandon);
                return 1;
            }
            if (System.nanoTime() > deadline) {
                out.println("The launcher has not reported ready or failed in time; stopping it. See " + log);
                return 1; // the hook stops it
            }
            LocalStack.pause(Duration.ofMillis(200));
        }
    }

    private int down() {
        Optional<ProcessHandle> launcher = Supervisor.running(settings);
        boolean anything = launcher.isPresent();
        if (launcher.isPresent()) {
            out.println("Stopping Shopflow (launcher pid " + launcher.get().pid() + ") …");
            launcher.get().destroy();
            try {
                launcher.get().onExit().get(Supervisor.stopTimeout().toSeconds(), TimeUnit.SECONDS);
            } catch (Exception e) {
                out.println("  the launcher did not stop in time; killing it");
                launcher.get().destroyForcibly();
            }
        }
        // Services the launcher could not stop, or that were started by `restart` or `scale` after it died.
        var services = new Services(settings);
        for (ServiceInstance instance : ServiceInstance.allIn(settings)) {
            var process = services.running(instance);
            if (process.isPresent()) {
                anything = true;
                out.println("  stopping " + instance.name() + " (pid " + process.get().pid() + ")");
                services.stop(instance);
            }
            if (!instance.isFirst()) {
                services.forget(instance);
            }
        }
        // Prometheus and Zipkin of an `up --observe` whose launcher was killed.
        var registry = services.registry();
        for (String observer : List.of(Observability.PROMETHEUS, Observability.ZIPKIN)) {
            if (Observability.stopLeftover(registry, observer)) {
                anything = true;
                out.println("  stopped " + observer);
            }
        }
        // An embedded PostgreSQL the launcher could not stop (it was killed): stop it after the services.
        var postgres = registry.find(LocalStack.EMBEDDED_POSTGRES);
        if (postgres.isPresent()) {
            anything = true;
            out.println("  stopping the embedded PostgreSQL (pid " + postgres.get().pid() + ")");
            postgres.get().destroy();
            postgres.get().onExit().completeOnTimeout(null, 60, TimeUnit.SECONDS).join();
            registry.forget(LocalStack.EMBEDDED_POSTGRES);
        }
        out.println(anything ? "Shopflow is stopped." : "Shopflow is not running.");
        return 0;
    }

    private int status() {
        var launcher = Supervisor.running(settings);
        var services = new Services(settings);
        String format = "  %-18s %-8s %-6s %-11s %s%n";
        out.printf(format, "SERVICE", "PID", "PORT", "MANAGEMENT", "STATE");
        for (ServiceInstance service : ServiceInstance.allIn(settings)) {
            var process = services.running(service);
            int port = service.port(settings);
            int managementPort = service.managementPort(settings);
            String state = process.isEmpty() ? "stopped" : switch (Readiness.of(managementPort)) {
                case READY -> "ready";
                case NOT_READY -> "not ready";
                case UNREACHABLE -> "starting";
            };
            out.printf(format, service.name(), process.map(p -> String.valueOf(p.pid())).orElse("-"), port,
                    managementPort, state);
        }
        out.println();
        if (launcher.isEmpty()) {
            out.println("  The launcher is not running" + (Supervisor.leftoverServices(settings).isPresent()
                    ? "; the services above are left over: ./shopflow down stops them." : "."));
            return 0;
        }
        out.println("  launcher         pid " + launcher.get().pid() + ", " + Supervisor.state(settings).map(Enum::name).orElse("?"));
        Path description = settings.runDirectory().resolve("stack.properties");
        if (Files.exists(description)) {
            var properties = new Properties();
            try (var reader = Files.newBufferedReader(description)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            out.println("  Kafka            " + properties.getProperty("kafka"));
            out.println("  PostgreSQL       " + properties.getProperty("postgres"));
            for (String observer : List.of("prometheus", "zipkin")) {
                if (properties.getProperty(observer) != null) {
                    out.printf("  %-16s %s%n", observer.equals("zipkin") ? "Zipkin" : "Prometheus", properties.getProperty(observer));
                }
            }
        }
        return 0;
    }

    private int logs(List<String> args) {
        List<String> names = args.stream().filter(arg -> !arg.startsWith("-")).toList();
        boolean follow = args.contains("-f") || args.contains("--follow");
        if (names.size() != 1) {
            out.println("Usage: ./shopflow logs SERVICE [-f]   (" + ServiceSpec.names() + ", launcher, kafka)");
            return 2;
        }
        String name = names.getFirst();
        String file = switch (name) {
            case "launcher", "kafka" -> name;
            default -> ServiceInstance.named(name).map(ServiceInstance::name).orElse(null);
        };
        if (file == null) {
            out.println("No service called " + name + ". Services: " + ServiceSpec.names() + ", launcher, kafka");
            return 2;
        }
        Path log = settings.logFile(file);
        if (!Files.exists(log)) {
            out.println("No log yet at " + log + ".");
            return 1;
        }
        out.println(LocalStack.tail(log, 200));
        if (follow) {
            var follower = new LogFollower(log, true);
            while (true) {
                follower.printNew(out);
                LocalStack.pause(Duration.ofMillis(300));
            }
        }
        return 0;
    }

    private int kill(List<String> args) {
        Optional<ServiceInstance> service = serviceArgument(args, "kill");
        if (service.isEmpty()) {
            return 2;
        }
        var services = new Services(settings);
        Optional<ProcessHandle> process = services.running(service.get());
        if (process.isEmpty()) {
            out.println(service.get().name() + " is not running.");
            return 1;
        }
        services.kill(service.get());
        out.println("Killed " + service.get().name() + " (pid " + process.get().pid() + "). ./shopflow restart "
                + service.get().name() + " starts it again.");
        return 0;
    }

    private int restart(List<String> args) {
        Optional<ServiceInstance> found = serviceArgument(args, "restart");
        if (found.isEmpty()) {
            return 2;
        }
        ServiceInstance service = found.get();
        if (Supervisor.running(settings).isEmpty()) {
            out.println("Shopflow is not running; ./shopflow up starts it.");
            return 1;
        }
        var state = Supervisor.state(settings).orElse(Supervisor.State.STARTING);
        if (state != Supervisor.State.READY) {
            out.println("Shopflow is " + state.name().toLowerCase() + "; restart a service once it is ready.");
            return 1;
        }
        var services = new Services(settings);
        var launch = services.savedLaunch(service);
        if (launch.isEmpty()) {
            out.println(service.isFirst()
                    ? "No record of how " + service.name() + " was started; restart the stack with ./shopflow down and up."
                    : service.name() + " is not part of the stack; ./shopflow scale " + service.service().name() + " "
                            + service.number() + " starts it.");
            return 1;
        }
        services.running(service).ifPresent(process -> {
            out.println("Stopping " + service.name() + " (pid " + process.pid() + ") …");
            services.stop(service);
        });
        long began = System.nanoTime();
        ProcessHandle process = services.start(service, launch.get(), false);
        out.println("Started " + service.name() + " (pid " + process.pid() + "); waiting for it to be ready …");
        long deadline = System.nanoTime() + settings.startTimeout().toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                out.println(service.name() + " exited while starting. The end of its log:\n"
                        + LocalStack.tail(settings.logFile(service.name()), 25));
                return 1;
            }
            if (Readiness.of(service.managementPort(settings)) == Readiness.State.READY) {
                out.printf("%s is ready on port %d (%.1f s).%n", service.name(), service.port(settings),
                        (System.nanoTime() - began) / 1e9);
                return 0;
            }
            LocalStack.pause(Duration.ofMillis(250));
        }
        out.println(service.name() + " is not ready after " + settings.startTimeout().toSeconds() + " s; see ./shopflow logs " + service.name());
        return 1;
    }

    /**
     * Audits the running stack's databases and dead-letter topics: 0 when consistent, 1 when an invariant is
     * violated, 2 for bad arguments, 3 when there is nothing to audit or it could not be checked.
     */
    private int audit(List<String> args) {
        String usage = "Usage: ./shopflow audit [--settle DURATION] [--outbox-max-age DURATION]   (such as 30s, 2m, 0)";
        Duration settle = AuditSettings.DEFAULT_SETTLE;
        Duration outboxMaxAge = AuditSettings.DEFAULT_OUTBOX_MAX_AGE;
        try {
            for (int i = 0; i < args.size(); i++) {
                String[] option = args.get(i).split("=", 2);
                String value = option.length == 2 ? option[1] : i + 1 < args.size() ? args.get(++i) : null;
                switch (option[0]) {
                    case "--settle" -> settle = AuditSettings.parse(requireValue(value));
                    case "--outbox-max-age" -> outboxMaxAge = AuditSettings.parse(requireValue(value));
                    default -> throw new IllegalArgumentException("Unknown option " + args.get(i) + ".");
                }
            }
            if (settle.isNegative() || outboxMaxAge.isNegative()) {
                throw new IllegalArgumentException("Durations must not be negative.");
            }
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage());
            out.println(usage);
            return 2;
        }
        if (Supervisor.running(settings).isEmpty()) {
            out.println("Shopflow is not running; ./shopflow up -d starts it, then ./shopflow audit checks it.");
            return AuditReport.NOT_CHECKED;
        }
        var state = Supervisor.state(settings).orElse(Supervisor.State.STARTING);
        if (state != Supervisor.State.READY) {
            out.println("Shopflow is " + state.name().toLowerCase() + "; audit it once it is ready.");
            return AuditReport.NOT_CHECKED;
        }
        ConsistencyAudit audit;
        try {
            audit = ConsistencyAudit.of(settings);
        } catch (AuditUnavailable e) {
            out.println(e.getMessage());
            return AuditReport.NOT_CHECKED;
        }
        AuditSettings chosen = audit.settings().withSettle(settle).withOutboxMaxAge(outboxMaxAge);
        AuditReport report = new ConsistencyAudit(audit.target(), chosen).run();
        report.print(out);
        return report.exitCode();
    }

    private static String requireValue(String value) {
        if (value == null) {
            throw new IllegalArgumentException("A duration is missing.");
        }
        return value;
    }

    private int load(List<String> args) {
        return new LoadCommand(settings.home(), settings.stateDirectory().resolve("load"), settings.environment(), out)
                // The consistency audit after every load run, dispatched exactly as `./shopflow audit` is.
                .run(args, this::loadTarget, () -> run(List.of("audit")));
    }

    /** The running stack for a load run: every service ready; its administrator as auth-service was started with. */
    private Optional<LoadCommand.Target> loadTarget() {
        var notReady = ServiceSpec.ALL.stream()
                .filter(service -> Readiness.of(settings.managementPort(service)) != Readiness.State.READY)
                .map(ServiceSpec::name)
                .toList();
        if (!notReady.isEmpty()) {
            out.println("Not ready: " + String.join(", ", notReady) + " (./shopflow status shows the stack).");
            return Optional.empty();
        }
        var services = new Services(settings);
        var administrator = new LinkedHashMap<String, String>();
        services.savedLaunch(ServiceSpec.named("auth-service").orElseThrow()).ifPresent(launch ->
                launch.environment().forEach((name, value) -> {
                    if (name.equals("SHOPFLOW_ADMIN_EMAIL") || name.equals("SHOPFLOW_ADMIN_PASSWORD")) {
                        administrator.put(name, value);
                    }
                }));
        java.util.function.Supplier<List<ProcessHandle>> processes = () -> {
            var found = new ArrayList<ProcessHandle>();
            Supervisor.running(settings).ifPresent(found::add);
            ServiceInstance.allIn(settings).forEach(instance -> services.running(instance).ifPresent(found::add));
            return found;
        };
        String gateway = "http://127.0.0.1:" + settings.port(ServiceSpec.named("gateway").orElseThrow());
        return Optional.of(new LoadCommand.Target(gateway, Map.copyOf(administrator), processes));
    }

    /** The running stack's databases and Kafka (for {@code events} and {@code lab}); empty, having said why, without one. */
    private Optional<AuditTarget> runningStores() {
        if (Supervisor.running(settings).isEmpty()) {
            out.println("Shopflow is not running; ./shopflow up -d starts it.");
            return Optional.empty();
        }
        try {
            return Optional.of(ConsistencyAudit.of(settings).target());
        } catch (AuditUnavailable e) {
            out.println(e.getMessage());
            return Optional.empty();
        }
    }

    /** The running stack as a lab check reads it: its stores, management ports, and when each service started. */
    private Optional<LabStack> labStack() {
        var services = new Services(settings);
        var startedAt = new LinkedHashMap<String, java.time.Instant>();
        ServiceSpec.ALL.forEach(service -> services.running(service).flatMap(process -> process.info().startInstant())
                .ifPresent(start -> startedAt.put(service.name(), start)));
        return runningStores().map(stores -> new LabStack(stores, settings.managementPorts(), startedAt));
    }

    private Optional<ServiceInstance> serviceArgument(List<String> args, String command) {
        if (args.size() != 1) {
            out.println("Usage: ./shopflow " + command + " SERVICE   (" + ServiceSpec.names()
                    + "; a further instance: order-service-2 ...)");
            return Optional.empty();
        }
        Optional<ServiceInstance> service = ServiceInstance.named(args.getFirst());
        if (service.isEmpty()) {
            out.println("No service called " + args.getFirst() + ". Services: " + ServiceSpec.names());
        }
        return service;
    }

    /** Prints what is appended to a file, like {@code tail -f}. */
    private static final class LogFollower {

        private final Path file;
        private long position;

        LogFollower(Path file) {
            this(file, false);
        }

        LogFollower(Path file, boolean fromEnd) {
            this.file = file;
            this.position = fromEnd ? file.toFile().length() : 0;
        }

        void printNew(PrintStream out) {
            if (!Files.exists(file)) {
                return;
            }
            try (var reader = new RandomAccessFile(file.toFile(), "r")) {
                if (reader.length() < position) {
                    position = 0;
                }
                reader.seek(position);
                byte[] bytes = new byte[(int) Math.min(reader.length() - position, 1 << 20)];
                reader.readFully(bytes);
                position += bytes.length;
                out.print(new String(bytes, StandardCharsets.UTF_8));
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
