package dev.shopflow.localstack.audit;

import dev.shopflow.localstack.audit.InvariantResult.Outcome;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What an audit found: one {@link InvariantResult} per invariant, in the order of docs/consistency-audit.md, from
 * the last check made (the audit checks again while something is violated, for up to its settle period).
 */
public final class AuditReport {

    /** {@link #exitCode()} of a clean audit. */
    public static final int CLEAN = 0;
    /** {@link #exitCode()} when an invariant is violated. */
    public static final int VIOLATED = 1;
    /** {@link #exitCode()} when nothing is violated but something could not be checked. */
    public static final int NOT_CHECKED = 3;

    private final List<InvariantResult> results;
    private final String target;
    private final AuditSettings settings;
    private final int checks;
    private final Duration took;

    AuditReport(List<InvariantResult> results, String target, AuditSettings settings, int checks, Duration took) {
        this.results = List.copyOf(results);
        this.target = target;
        this.settings = settings;
        this.checks = checks;
        this.took = took;
    }

    /** Whether every invariant was checked and holds. */
    public boolean clean() {
        return results.stream().allMatch(result -> result.outcome() == Outcome.OK);
    }

    /** One result per invariant. */
    public List<InvariantResult> results() {
        return results;
    }

    /** The result of the named invariant, such as {@code confirmed-iff-paid-once}. */
    public Optional<InvariantResult> result(String invariant) {
        return results.stream().filter(result -> result.invariant().equals(invariant)).findFirst();
    }

    /** Every offender of every violated invariant. */
    public List<Violation> violations() {
        return results.stream().flatMap(result -> result.violations().stream()).toList();
    }

    /** The invariants violated (not those that could not be checked). */
    public List<String> violatedInvariants() {
        return results.stream().filter(result -> result.outcome() == Outcome.VIOLATED).map(InvariantResult::invariant)
                .toList();
    }

    /** How many times the stores were checked before this report (more than one while settling). */
    public int checks() {
        return checks;
    }

    /** {@link #CLEAN} (0), {@link #VIOLATED} (1) or {@link #NOT_CHECKED} (3): the exit code of {@code ./shopflow audit}. */
    public int exitCode() {
        if (clean()) {
            return CLEAN;
        }
        return results.stream().anyMatch(result -> result.outcome() == Outcome.VIOLATED) ? VIOLATED : NOT_CHECKED;
    }

    /** Prints the table: one row per invariant, the first offenders of a violated one under it, and a verdict. */
    public void print(PrintStream out) {
        out.println("Consistency audit of " + target);
        out.println("  " + (settings.everyOrderMustBeFinal() ? "every order must be final"
                : "an order may stay open " + describe(settings.orderDeadline()) + " (its time-out) + "
                + describe(settings.sweepInterval()) + " (one sweep)") + "; an outbox row may wait "
                + describe(settings.outboxMaxAge()) + "; " + (settings.settle().isZero()
                ? "violations are reported at the first check"
                : "violations are checked again for up to " + describe(settings.settle()) + " while work in flight settles"));
        out.println();
        String format = "  %-34s %-12s %6s  %s";
        String indent = " ".repeat(2 + 34 + 1 + 12 + 1 + 6 + 2);
        out.println(String.format(format, "INVARIANT", "RESULT", "COUNT", "OFFENDERS"));
        for (InvariantResult result : results) {
            switch (result.outcome()) {
                case OK -> out.println(String.format(format, result.invariant(), "OK", "0", "").stripTrailing());
                case NOT_CHECKED -> out.println(String.format(format, result.invariant(), "NOT CHECKED", "-", result.unchecked()));
                case VIOLATED -> {
                    List<Violation> violations = result.violations();
                    List<Violation> shown = violations.subList(0, Math.min(settings.examples(), violations.size()));
                    out.println(String.format(format, result.invariant(), "VIOLATED", violations.size(), shown.getFirst()));
                    shown.stream().skip(1).forEach(violation -> out.println(indent + violation));
                    if (violations.size() > shown.size()) {
                        out.println(indent + "… and " + (violations.size() - shown.size()) + " more");
                    }
                }
            }
        }
        out.println();
        String checked = checks + (checks == 1 ? " check" : " checks") + ", " + describe(took);
        long violated = results.stream().filter(result -> result.outcome() == Outcome.VIOLATED).count();
        long unchecked = results.stream().filter(result -> result.outcome() == Outcome.NOT_CHECKED).count();
        if (clean()) {
            out.println("Consistent: every invariant holds (" + checked + ").");
        } else {
            out.println((violated > 0 ? violated + (violated == 1 ? " invariant" : " invariants") + " violated" : "")
                    + (violated > 0 && unchecked > 0 ? ", " : "")
                    + (unchecked > 0 ? unchecked + " not checked" : "")
                    + " (" + checked + "). docs/consistency-audit.md explains each invariant.");
        }
    }

    @Override
    public String toString() {
        var text = new ByteArrayOutputStream();
        print(new PrintStream(text, true, StandardCharsets.UTF_8));
        return text.toString(StandardCharsets.UTF_8);
    }

    /** {@code 15m}, {@code 1m 30s}, {@code 5s}, {@code 1.2s}, {@code 500ms}. */
    static String describe(Duration duration) {
        if (duration.isZero()) {
            return "0s";
        }
        if (duration.toMillis() < 1000) {
            return duration.toMillis() + "ms";
        }
        if (duration.toMillis() % 1000 != 0 && duration.toSeconds() < 60) {
            return String.format(Locale.ROOT, "%.1fs", duration.toMillis() / 1000.0);
        }
        var text = new StringBuilder();
        if (duration.toHours() > 0) {
            text.append(duration.toHours()).append("h ");
        }
        if (duration.toMinutesPart() > 0) {
            text.append(duration.toMinutesPart()).append("m ");
        }
        if (duration.toSecondsPart() > 0) {
            text.append(duration.toSecondsPart()).append("s");
        }
        return text.toString().trim();
    }
}
