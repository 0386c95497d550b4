package dev.shopflow.localstack.audit;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.springframework.boot.convert.DurationStyle;

/**
 * What the audit checks against and how patient it is.
 *
 * @param orderDeadline how long an order may stay open: order-service's {@code shopflow.ordering.deadline}
 * @param sweepInterval how often order-service looks for orders past their time-out: an order may stay open this
 *                      much longer than {@code orderDeadline}
 * @param outboxMaxAge  how long an outbox row may wait to be sent before it counts as stuck
 * @param settle        how long to keep checking while something is violated, for work still in flight (orders
 *                      moving, events on their way) to finish; {@link Duration#ZERO} reports the first check
 * @param examples      how many offenders of each invariant {@link AuditReport#print} shows
 */
public record AuditSettings(Duration orderDeadline, Duration sweepInterval, Duration outboxMaxAge, Duration settle,
        int examples) {

    /** order-service's defaults ({@code ORDER_DEADLINE}, {@code ORDER_SWEEP_INTERVAL} in its application.yml). */
    public static final Duration DEFAULT_ORDER_DEADLINE = Duration.ofMinutes(15);
    public static final Duration DEFAULT_SWEEP_INTERVAL = Duration.ofSeconds(5);
    public static final Duration DEFAULT_OUTBOX_MAX_AGE = Duration.ofSeconds(5);
    public static final Duration DEFAULT_SETTLE = Duration.ofSeconds(30);

    public AuditSettings {
        Objects.requireNonNull(orderDeadline, "orderDeadline");
        Objects.requireNonNull(sweepInterval, "sweepInterval");
        Objects.requireNonNull(outboxMaxAge, "outboxMaxAge");
        Objects.requireNonNull(settle, "settle");
        if (settle.isNegative() || outboxMaxAge.isNegative() || orderDeadline.isNegative() || sweepInterval.isNegative()) {
            throw new IllegalArgumentException("Durations must not be negative");
        }
        if (examples < 1) {
            throw new IllegalArgumentException("examples must be at least 1");
        }
    }

    /**
     * The settings order-service runs with when started with this environment: {@code SHOPFLOW_ORDERING_DEADLINE}
     * (Spring's name for the property, which wins) or {@code ORDER_DEADLINE}, else 15 minutes; likewise the sweep
     * interval (5 s). Durations in Spring's notation: {@code 15m}, {@code 90s}, {@code PT2M}, {@code 500} (ms).
     */
    public static AuditSettings forOrderService(Map<String, String> environment) {
        return new AuditSettings(
                duration(environment, DEFAULT_ORDER_DEADLINE, "SHOPFLOW_ORDERING_DEADLINE", "ORDER_DEADLINE"),
                duration(environment, DEFAULT_SWEEP_INTERVAL, "SHOPFLOW_ORDERING_SWEEP_INTERVAL", "ORDER_SWEEP_INTERVAL"),
                DEFAULT_OUTBOX_MAX_AGE, DEFAULT_SETTLE, 5);
    }

    /** The same settings with another settle period. */
    public AuditSettings withSettle(Duration settle) {
        return new AuditSettings(orderDeadline, sweepInterval, outboxMaxAge, settle, examples);
    }

    /** The same settings with another outbox age limit. */
    public AuditSettings withOutboxMaxAge(Duration outboxMaxAge) {
        return new AuditSettings(orderDeadline, sweepInterval, outboxMaxAge, settle, examples);
    }

    /**
     * The same settings with no time allowed for open orders: every order must be CONFIRMED or CANCELLED. For a stack
     * whose load has stopped and whose sagas have had time to end ({@code ./shopflow chaos} audits with it).
     */
    public AuditSettings everyOrderFinal() {
        return new AuditSettings(Duration.ZERO, Duration.ZERO, outboxMaxAge, settle, examples);
    }

    /** Whether no order may be open at all ({@link #everyOrderFinal()}). */
    public boolean everyOrderMustBeFinal() {
        return openOrderLimit().isZero();
    }

    /** How old an open order may be before it breaks the time-out rule: its time-out plus one sweep. */
    Duration openOrderLimit() {
        return orderDeadline.plus(sweepInterval);
    }

    /**
     * A duration in Spring's notation ({@code 30s}, {@code 2m}, {@code PT1M}, {@code 0}).
     *
     * @throws IllegalArgumentException when it is not one
     */
    public static Duration parse(String text) {
        try {
            return DurationStyle.detectAndParse(text.trim());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Not a duration: '" + text + "' (write it like 30s, 2m or PT1M)");
        }
    }

    private static Duration duration(Map<String, String> environment, Duration fallback, String... names) {
        for (String name : names) {
            String value = environment.get(name);
            if (value != null && !value.isBlank()) {
                try {
                    return parse(value);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(name + ": " + e.getMessage());
                }
            }
        }
        return fallback;
    }
}
