package dev.shopflow.localstack.chaos;

import dev.shopflow.localstack.StackSettings;
import dev.shopflow.localstack.audit.AuditReport;
import dev.shopflow.localstack.audit.AuditSettings;
import dev.shopflow.localstack.audit.AuditUnavailable;
import dev.shopflow.localstack.audit.ConsistencyAudit;
import dev.shopflow.localstack.load.K6Locator;
import dev.shopflow.localstack.load.K6Summary;
import dev.shopflow.localstack.load.LoadCommand;
import dev.shopflow.localstack.load.RunFolder;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code ./shopflow chaos}: while k6's checkout scenario places orders, it kills each service in turn (SIGKILL, then
 * {@code restart}, the same code as {@code ./shopflow kill} and {@code restart}), stops and restarts the Kafka broker
 * ({@code kill kafka}, {@code restart kafka}), and ends every connection of the stack to PostgreSQL; each fault strikes
 * while an order is in the middle of its saga where the fault hurts. Then it stops the load, waits for every order to
 * reach a final state and runs the consistency audit with no open order allowed. It prints a timeline as it goes and
 * keeps it, with k6's output, summary and HTML report, in {@code .shopflow/chaos/TIME/}.
 *
 * <p>The run is judged by the stores, not by k6: while a service is down k6 sees failed requests and slow orders,
 * which is the fault doing what it does. It passes (exit 0) when every fault was carried out and the stack came back,
 * every order is final and the audit is clean; 1 when a fault could not be carried out (a service did not come back)
 * or an invariant is violated; 2 for bad options; 3 when the audit could not check something.
 */
public final class ChaosCommand {

    /** Runs one {@code ./shopflow} command ({@code kill}, {@code restart}) as the command line does, printing to {@code out}. */
    @FunctionalInterface
    public interface Shopflow {
        int run(List<String> args, PrintStream out);
    }

    /** How long a fault waits for an order to be mid-saga where it strikes; it strikes anyway after that. */
    private static final Duration MID_SAGA_PATIENCE = Duration.ofSeconds(30);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(15);

    private final StackSettings settings;
    private final PrintStream out;

    public ChaosCommand(StackSettings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    /**
     * Runs the chaos run these arguments ask for.
     *
     * @param args     the arguments after {@code chaos}
     * @param target   the running stack (every service ready), or empty
     * @param shopflow runs {@code kill} and {@code restart} exactly as {@code ./shopflow} does
     * @return 0 passed, 1 a fault failed or an invariant is violated, 2 bad options, 3 the audit could not check
     */
    public int run(List<String> args, Supplier<Optional<LoadCommand.Target>> target, Shopflow shopflow) {
        ChaosOptions options;
        Path k6;
        try {
            options = ChaosOptions.parse(args);
            k6 = new K6Locator(settings.environment(), settings.home()).find().orElse(null);
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage());
            out.println(ChaosOptions.USAGE);
            return 2;
        }
        Path script = settings.home().resolve("load-tests").resolve("checkout.js");
        if (!Files.isRegularFile(script)) {
            out.println("There is no " + script + ": run ./shopflow from the project folder.");
            return 1;
        }
        if (k6 == null) {
            out.println(K6Locator.HOW_TO_INSTALL);
            return 1;
        }
        Optional<LoadCommand.Target> stack = target.get();
        if (stack.isEmpty()) {
            out.println("Shopflow is not running (not every service is ready): start it with ./shopflow up -d, then run"
                    + " ./shopflow chaos again.");
            return 1;
        }
        ConsistencyAudit audit;
        DatabaseConnections connections;
        try {
            audit = ConsistencyAudit.of(settings);
            connections = DatabaseConnections.of(settings);
        } catch (AuditUnavailable | IllegalStateException e) {
            out.println(e.getMessage());
            return 1;
        }
        try {
            return new Run(options, audit, connections, new Orders(audit.target()), shopflow).run(k6, script, stack.get());
        } catch (SQLException e) {
            out.println("The orders database does not answer: " + e.getMessage());
            return 1;
        }
    }

    /** One chaos run. */
    private final class Run {

        private final ChaosOptions options;
        private final ConsistencyAudit audit;
        private final DatabaseConnections connections;
        private final Orders orders;
        private final Shopflow shopflow;
        private final Path folder;
        private final Timeline timeline;

        Run(ChaosOptions options, ConsistencyAudit audit, DatabaseConnections connections, Orders orders, Shopflow shopflow) {
            this.options = options;
            this.audit = audit;
            this.connections = connections;
            this.orders = orders;
            this.shopflow = shopflow;
            this.folder = newRunFolder();
            this.timeline = new Timeline(out, folder.resolve("timeline.txt"));
        }

        int run(Path k6, Path script, LoadCommand.Target stack) throws SQLException {
            timeline.line("Chaos run against " + stack.gatewayUrl() + ": " + String.join(", ",
                    options.faults().stream().map(Fault::name).toList()) + "; k6's checkout scenario at "
                    + options.rate() + " checkouts/s, each fault " + ChaosOptions.text(options.pause()) + " apart, a service or"
                    + " the broker down for " + ChaosOptions.text(options.down()));
            timeline.line("  output in " + shown(folder) + " (timeline.txt, k6.log, summary.json, report.html)");
            timeline.line("");
            OffsetDateTime since = orders.now();
            boolean survived;
            try (var load = CheckoutLoad.start(k6, script, stack, options.rate(), settings.environment(), folder)) {
                timeline.note("load: k6 checkout scenario started (" + options.rate() + "/s; signing up its customers;"
                        + " live dashboard http://127.0.0.1:" + load.dashboardPort() + ")");
                survived = awaitFirstOrder(load, since) && injectFaults(load);
                Optional<K6Summary> summary = load.stop();
                timeline.note("load: stopped — " + summary.map(ChaosCommand::describe).orElse("k6 wrote no summary"));
            }
            Map<String, Integer> open = awaitEveryOrderFinal();
            timeline.note((open.isEmpty() ? "✓ every order is final" : "! orders still open after "
                    + ChaosOptions.text(options.settle()) + ": " + Orders.describe(open)) + "; placed during the run: "
                    + Orders.describe(orders.placedSince(since)));
            timeline.note("audit: every order must be final; violations checked again for up to "
                    + ChaosOptions.text(AuditSettings.DEFAULT_SETTLE) + " while work in flight settles");
            AuditReport report = new ConsistencyAudit(audit.target(),
                    audit.settings().everyOrderFinal().withSettle(AuditSettings.DEFAULT_SETTLE)).run();
            timeline.line("");
            report.toString().lines().forEach(line -> timeline.line("  " + line));
            timeline.line("");
            timeline.note("audit: " + (report.clean() ? "clean" : report.violatedInvariants().isEmpty()
                    ? "could not check everything (exit " + report.exitCode() + ")"
                    : "VIOLATED " + String.join(", ", report.violatedInvariants())));
            timeline.line("");
            if (survived && report.clean()) {
                timeline.line("Chaos run passed: the stack came back from every fault, every order reached a final state,"
                        + " and the audit is clean.");
                return 0;
            }
            timeline.line("Chaos run FAILED: " + (survived ? "" : "a fault could not be carried out or the stack did not"
                    + " come back (see above); ") + (report.clean() ? "the audit is clean."
                    : "the audit is not clean (docs/consistency-audit.md explains each invariant)."));
            return report.clean() ? 1 : report.exitCode();
        }

        /** Waits for the scenario's first order: its setup signs up customers first. */
        private boolean awaitFirstOrder(CheckoutLoad load, OffsetDateTime since) throws SQLException {
            long deadline = System.nanoTime() + CheckoutLoad.SETUP_TIMEOUT.plusSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                if (!orders.placedSince(since).isEmpty()) {
                    timeline.note("load: the first checkout is placed; faults begin in " + ChaosOptions.text(options.pause()));
                    return true;
                }
                if (!load.running()) {
                    timeline.note("! k6 ended before it placed an order; the end of k6.log:");
                    load.tail(15).lines().forEach(line -> timeline.line("      " + line));
                    return false;
                }
                pause(Duration.ofMillis(500));
            }
            timeline.note("! no order was placed within " + CheckoutLoad.SETUP_TIMEOUT.plusSeconds(30).toSeconds() + " s; see k6.log");
            return false;
        }

        private boolean injectFaults(CheckoutLoad load) throws SQLException {
            for (Fault fault : options.faults()) {
                pause(options.pause());
                if (!load.running()) {
                    timeline.note("! k6 ended on its own; the end of k6.log:");
                    load.tail(15).lines().forEach(line -> timeline.line("      " + line));
                    return false;
                }
                var open = new java.util.TreeMap<>(orders.awaitOpenIn(fault.sagaStates(), MID_SAGA_PATIENCE));
                open.keySet().retainAll(fault.sagaStates());
                int inFlight = open.values().stream().mapToInt(Integer::intValue).sum();
                String midSaga = inFlight == 0 ? "no order mid-saga (none came within " + MID_SAGA_PATIENCE.toSeconds() + " s)"
                        : inFlight + (inFlight == 1 ? " order" : " orders") + " mid-saga (" + String.join(", ",
                        open.entrySet().stream().map(entry -> entry.getValue() + " " + entry.getKey()).toList()) + ")";
                boolean done;
                if (fault.service() != null) {
                    done = crash(fault.name(), midSaga);
                } else if (fault.equals(Fault.KAFKA)) {
                    done = restartBroker(midSaga);
                } else {
                    done = cutDatabaseConnections(midSaga);
                }
                if (!done) {
                    return false;
                }
            }
            pause(options.pause());
            return true;
        }

        private boolean crash(String service, String midSaga) {
            if (!shopflow(List.of("kill", service), "kill " + service)) {
                return false;
            }
            timeline.note("✗ killed " + service + " (SIGKILL) with " + midSaga);
            pause(options.down());
            long began = System.nanoTime();
            if (!shopflow(List.of("restart", service), service + " did not come back")) {
                return false;
            }
            timeline.note(String.format(Locale.ROOT, "✓ %s is ready again (restarted in %.1f s)", service, seconds(began)));
            return true;
        }

        private boolean restartBroker(String midSaga) throws SQLException {
            if (!shopflow(List.of("kill", "kafka"), "stop the Kafka broker")) {
                return false;
            }
            timeline.note("✗ stopped the Kafka broker with " + midSaga);
            pause(options.down());
            Map<String, Integer> waiting = orders.unsent();
            long began = System.nanoTime();
            if (!shopflow(List.of("restart", "kafka"), "the Kafka broker did not come back")) {
                return false;
            }
            int total = waiting.values().stream().mapToInt(Integer::intValue).sum();
            timeline.note(String.format(Locale.ROOT, "✓ the Kafka broker is running again (%.1f s); %d events had waited"
                    + " in the outboxes meanwhile (%s)", seconds(began), total, String.join(", ",
                    waiting.entrySet().stream().map(entry -> entry.getKey() + " " + entry.getValue()).toList())));
            return true;
        }

        private boolean cutDatabaseConnections(String midSaga) throws SQLException {
            Map<String, Integer> ended = connections.terminate();
            int total = ended.values().stream().mapToInt(Integer::intValue).sum();
            timeline.note("✗ ended " + total + " PostgreSQL connections of the stack (" + String.join(", ",
                    ended.entrySet().stream().map(entry -> entry.getKey() + " " + entry.getValue()).toList())
                    + ") with " + midSaga);
            return true;
        }

        /** Runs a {@code ./shopflow} command; on failure notes what it said. */
        private boolean shopflow(List<String> args, String failure) {
            var said = new ByteArrayOutputStream();
            int code = shopflow.run(args, new PrintStream(said, true, StandardCharsets.UTF_8));
            if (code == 0) {
                return true;
            }
            timeline.note("! " + failure + " (./shopflow " + String.join(" ", args) + " exited " + code + "):");
            said.toString(StandardCharsets.UTF_8).lines().forEach(line -> timeline.line("      " + line));
            return false;
        }

        /** Waits up to the settle period for no order to be open; returns those still open. */
        private Map<String, Integer> awaitEveryOrderFinal() throws SQLException {
            timeline.note("waiting up to " + ChaosOptions.text(options.settle()) + " for every order to reach a final state");
            long deadline = System.nanoTime() + options.settle().toNanos();
            long nextProgress = System.nanoTime() + PROGRESS_EVERY.toNanos();
            Map<String, Integer> open = orders.open();
            while (!open.isEmpty() && System.nanoTime() < deadline) {
                if (System.nanoTime() > nextProgress) {
                    timeline.note("… " + Orders.describe(open) + " orders still open");
                    nextProgress = System.nanoTime() + PROGRESS_EVERY.toNanos();
                }
                pause(Duration.ofSeconds(1));
                open = orders.open();
            }
            return open;
        }

        private Path newRunFolder() {
            return RunFolder.create(settings.stateDirectory().resolve("chaos"), "");
        }
    }

    /** k6's view, for information: the run is not judged by it. */
    static String describe(K6Summary summary) {
        long placed = (long) summary.value("orders_placed", "count").orElse(0);
        long confirmed = (long) summary.value("orders_confirmed", "count").orElse(0);
        long cancelled = (long) summary.value("orders_cancelled", "count").orElse(0);
        long unfinished = (long) summary.value("orders_unfinished", "count").orElse(0);
        double failed = summary.value("http_req_failed", "value").orElse(0) * 100;
        return String.format(Locale.ROOT, "k6 placed %d orders and saw %d confirmed, %d cancelled, %d not final within"
                + " its 60 s; %.1f %% of its requests failed (while a service was down). Not judged: the stores are.",
                placed, confirmed, cancelled, unfinished, failed);
    }

    private String shown(Path path) {
        return RunFolder.shown(settings.home(), path);
    }

    private static double seconds(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1e9;
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
