package dev.shopflow.localstack.audit;

import dev.shopflow.localstack.LocalStack;
import dev.shopflow.localstack.ServiceLaunch;
import dev.shopflow.localstack.ServiceSpec;
import dev.shopflow.localstack.StackSettings;
import dev.shopflow.platform.postgres.PostgresServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * A read-only consistency audit of a stack: checks every invariant of the order saga across the services'
 * databases and Kafka's dead-letter topics (docs/consistency-audit.md states each and why it must hold), and
 * reports each as OK, VIOLATED with its offenders, or NOT CHECKED. It never writes: databases are read in read-only
 * transactions, dead letters by a consumer without a group.
 *
 * <p>Orders still moving through the saga break some invariants for a moment (a payment succeeded that the order
 * has not heard of yet). So {@link #run()} checks again, every second, while something is violated, for up to
 * {@link AuditSettings#settle()}, and reports the last check. Orders that are merely open are never a violation
 * until they are older than order-service's time-out.
 *
 * <pre>{@code
 * AuditReport report = ConsistencyAudit.of(stack).run();
 * report.print(System.out);
 * if (!report.clean()) ...
 * }</pre>
 */
public final class ConsistencyAudit {

    /** The invariants, in the order the report lists them. */
    static final List<Invariant> INVARIANTS = List.of(
            new OrdersFinalOrWithinTimeOut(),
            new ConfirmedIffPaidOnce(),
            new CancelledNotCharged(),
            new StockMatchesReservations(),
            new NoStockHeldForFinalOrders(),
            new OutboxesDrained(),
            new SentEventsApplied(),
            new DeadLetterTopicsEmpty(),
            new EventsAppliedOnce());

    private static final Duration RECHECK_EVERY = Duration.ofSeconds(1);

    private final AuditTarget target;
    private final AuditSettings settings;

    public ConsistencyAudit(AuditTarget target, AuditSettings settings) {
        this.target = target;
        this.settings = settings;
    }

    /**
     * The audit of the stack these settings start ({@code ./shopflow up}, {@code up -d}, or a {@link LocalStack}):
     * its databases, PostgreSQL server and Kafka as the launcher last gave them to the services (the launch files in
     * {@link StackSettings#runDirectory()}, so {@code SHOPFLOW_DATABASE_SUFFIX} and a resolved or embedded server
     * are taken into account), and order-service's time-out as it was started with.
     *
     * @throws AuditUnavailable when the stack has never been started with these settings
     */
    public static ConsistencyAudit of(StackSettings stack) {
        ServiceLaunch catalog = launch(stack, "catalog-service");
        ServiceLaunch orders = launch(stack, "order-service");
        ServiceLaunch payments = launch(stack, "payment-service");
        Map<String, String> environment = orders.environment();
        var postgres = PostgresServer.existing(required(environment, "DB_HOST", stack), Integer.parseInt(required(environment, "DB_PORT", stack)),
                required(environment, "DB_USER", stack), environment.getOrDefault("DB_PASSWORD", ""));
        var target = new AuditTarget(postgres, required(catalog.environment(), "DB_NAME", stack),
                required(environment, "DB_NAME", stack), required(payments.environment(), "DB_NAME", stack),
                required(environment, "KAFKA_BOOTSTRAP_SERVERS", stack));
        return new ConsistencyAudit(target, AuditSettings.forOrderService(environment));
    }

    /** The audit of a running {@link LocalStack}, as {@link #of(StackSettings)}. */
    public static ConsistencyAudit of(LocalStack stack) {
        return of(stack.settings());
    }

    /** The same audit with another settle period ({@link Duration#ZERO}: report the first check). */
    public ConsistencyAudit settling(Duration settle) {
        return new ConsistencyAudit(target, settings.withSettle(settle));
    }

    public AuditTarget target() {
        return target;
    }

    public AuditSettings settings() {
        return settings;
    }

    /**
     * Checks every invariant, and again every second while one is violated or could not be checked, until all
     * hold or the settle period is over.
     *
     * @return the last check's report
     */
    public AuditReport run() {
        long began = System.nanoTime();
        long deadline = began + settings.settle().toNanos();
        int checks = 0;
        while (true) {
            List<InvariantResult> results = checkOnce();
            checks++;
            boolean clean = results.stream().allMatch(result -> result.outcome() == InvariantResult.Outcome.OK);
            if (clean || System.nanoTime() + RECHECK_EVERY.toNanos() > deadline) {
                return new AuditReport(results, target.toString(), settings, checks,
                        Duration.ofNanos(System.nanoTime() - began));
            }
            try {
                Thread.sleep(RECHECK_EVERY);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new AuditReport(results, target.toString(), settings, checks,
                        Duration.ofNanos(System.nanoTime() - began));
            }
        }
    }

    private List<InvariantResult> checkOnce() {
        var results = new ArrayList<InvariantResult>();
        try (var stores = new Stores(target)) {
            var check = new AuditCheck(stores, target, settings);
            for (Invariant invariant : INVARIANTS) {
                try {
                    results.add(InvariantResult.of(invariant.name(), invariant.rule(), invariant.check(check)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    results.add(InvariantResult.notChecked(invariant.name(), invariant.rule(), "interrupted"));
                } catch (Exception e) {
                    results.add(InvariantResult.notChecked(invariant.name(), invariant.rule(), reason(e)));
                }
            }
        }
        return results;
    }

    private static String reason(Exception e) {
        Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return cause instanceof TimeoutException || cause instanceof org.apache.kafka.common.errors.TimeoutException
                ? "Kafka did not answer in time (" + message + ")" : message;
    }

    private static ServiceLaunch launch(StackSettings stack, String service) {
        return ServiceLaunch.saved(stack, ServiceSpec.named(service).orElseThrow())
                .orElseThrow(() -> new AuditUnavailable("No record of a stack started from " + stack.stateDirectory()
                        + " (no " + service + " launch file in " + stack.runDirectory() + "): start it with ./shopflow up -d"));
    }

    private static String required(Map<String, String> environment, String name, StackSettings stack) {
        String value = environment.get(name);
        if (value == null || value.isBlank()) {
            throw new AuditUnavailable("The launch files in " + stack.runDirectory() + " do not say " + name
                    + "; restart the stack (./shopflow down, then up -d) to record it");
        }
        return value;
    }
}
