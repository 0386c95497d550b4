package dev.shopflow.localstack.load;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code ./shopflow load SCENARIO [--rate N] [--duration D] [--vus N]} asked for. Options left out keep the
 * scenario's own defaults (they are in the script).
 *
 * @param duration a k6 duration such as {@code 30s}, {@code 2m} or {@code 1m30s}
 */
public record LoadOptions(Scenario scenario, Optional<Integer> rate, Optional<String> duration, Optional<Integer> vus) {

    static final String USAGE = "Usage: ./shopflow load SCENARIO [--rate N] [--duration D] [--vus N]\n"
            + "  scenarios: " + Scenario.names() + "\n"
            + "  --rate N      iterations started per second (checkouts, visits; capacity: the first step)\n"
            + "  --duration D  how long, as k6 writes it: 30s, 2m, 1m30s (spike: each phase; capacity: each step)\n"
            + "  --vus N       virtual users (at most, for the scenarios driven by an arrival rate)\n"
            + "  details: load-tests/README.md";

    private static final Pattern DURATION = Pattern.compile("(?:\\d+(?:ms|s|m|h))+");
    private static final Pattern DURATION_PART = Pattern.compile("(\\d+)(ms|s|m|h)");

    /**
     * Reads the arguments after {@code load}; {@code --name value} and {@code --name=value} both work.
     *
     * @throws IllegalArgumentException with a message for the user when an argument is missing, unknown or wrong
     */
    public static LoadOptions parse(List<String> args) {
        Scenario scenario = null;
        Optional<Integer> rate = Optional.empty();
        Optional<String> duration = Optional.empty();
        Optional<Integer> vus = Optional.empty();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("-")) {
                if (scenario != null) {
                    throw new IllegalArgumentException("One scenario at a time: " + scenario.id() + " or " + arg + "?");
                }
                scenario = Scenario.named(arg).orElseThrow(() -> new IllegalArgumentException(
                        "No scenario called '" + arg + "'. Scenarios: " + Scenario.names() + "."));
                continue;
            }
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String value;
            if (arg.contains("=")) {
                value = arg.substring(arg.indexOf('=') + 1);
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                throw new IllegalArgumentException(name + " needs a value.");
            }
            switch (name) {
                case "--rate" -> rate = Optional.of(positive(name, value));
                case "--vus" -> vus = Optional.of(positive(name, value));
                case "--duration" -> {
                    if (!DURATION.matcher(value).matches() || seconds(value) == 0) {
                        throw new IllegalArgumentException("--duration must be a duration such as 30s, 2m or 1m30s, not '" + value + "'.");
                    }
                    duration = Optional.of(value);
                }
                default -> throw new IllegalArgumentException("Unknown option " + name + ". Options: --rate, --duration, --vus.");
            }
        }
        if (scenario == null) {
            throw new IllegalArgumentException("Which scenario? " + Scenario.names() + ".");
        }
        return new LoadOptions(scenario, rate, duration, vus);
    }

    /** Whole seconds in a k6 duration (milliseconds rounded down). */
    static long seconds(String duration) {
        long millis = 0;
        Matcher part = DURATION_PART.matcher(duration);
        while (part.find()) {
            long amount = Long.parseLong(part.group(1));
            millis += switch (part.group(2)) {
                case "ms" -> amount;
                case "s" -> amount * 1_000;
                case "m" -> amount * 60_000;
                default -> amount * 3_600_000;
            };
        }
        return millis / 1000;
    }

    /** How long the load itself should last, for choosing the report's snapshot period. */
    long expectedSeconds() {
        return scenario.expectedSeconds(duration.map(LoadOptions::seconds));
    }

    private static int positive(String name, String value) {
        try {
            int number = Integer.parseInt(value);
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // the message below says what is expected
        }
        throw new IllegalArgumentException(name + " must be a whole number above 0, not '" + value + "'.");
    }
}
