package dev.shopflow.localstack.load;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The k6 scenarios of {@code load-tests/}, each a script of its own ({@code load-tests/NAME.js}) with its thresholds
 * inside. What {@code --rate}, {@code --duration} and {@code --vus} mean differs per scenario (see
 * {@code load-tests/README.md}); {@link #defaultSeconds} is how long a run takes without {@code --duration}.
 */
public enum Scenario {

    SMOKE("every endpoint once per iteration, a few users, ~20 s, no error tolerated", 20, 1),
    BROWSE("read-heavy catalog traffic: lists, search, product pages, conditional GETs", 60, 1),
    CHECKOUT("the whole funnel to CONFIRMED, with declined cards and sold-out products", 60, 1),
    SPIKE("a sudden 10x burst of checkouts and the recovery after it", 20, 4),
    SOAK("a bounded long run at a moderate rate: memory and latency must not drift", 600, 1),
    CAPACITY("checkouts stepping up until a threshold breaks: the highest rate that held", 20, 10);

    private final String description;
    private final int defaultSeconds;
    private final int durationMultiple;

    Scenario(String description, int defaultSeconds, int durationMultiple) {
        this.description = description;
        this.defaultSeconds = defaultSeconds;
        this.durationMultiple = durationMultiple;
    }

    /** The name users type and the script's file name without {@code .js}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String description() {
        return description;
    }

    public String script() {
        return id() + ".js";
    }

    /**
     * Roughly how long the load lasts: {@code --duration} is a spike's phase (four of them) and a capacity step
     * (ten of them), the whole run otherwise.
     */
    public long expectedSeconds(Optional<Long> durationSeconds) {
        return durationSeconds.orElse((long) defaultSeconds) * durationMultiple;
    }

    public static Optional<Scenario> named(String name) {
        return Arrays.stream(values()).filter(scenario -> scenario.id().equals(name)).findFirst();
    }

    /** {@code smoke, browse, ...} for messages. */
    public static String names() {
        return Arrays.stream(values()).map(Scenario::id).collect(Collectors.joining(", "));
    }
}
