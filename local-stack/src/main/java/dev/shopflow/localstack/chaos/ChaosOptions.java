package dev.shopflow.localstack.chaos;

import dev.shopflow.localstack.audit.AuditSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code ./shopflow chaos [--rate N] [--down D] [--pause D] [--settle D] [--faults LIST]} asked for. The
 * defaults keep a run of all seven faults to a few minutes on a quiet two-core machine: most of it is five services
 * starting again, one after another.
 *
 * @param rate   checkouts k6 starts per second
 * @param down   how long a killed service, or the stopped broker, stays down before it is started again
 * @param pause  the load alone before the first fault, between faults and after the last
 * @param settle how long to wait, once the load has stopped, for every order to reach a final state
 * @param faults the faults, in the order they are injected
 */
public record ChaosOptions(int rate, Duration down, Duration pause, Duration settle, List<Fault> faults) {

    public static final int DEFAULT_RATE = 2;
    public static final Duration DEFAULT_DOWN = Duration.ofSeconds(5);
    public static final Duration DEFAULT_PAUSE = Duration.ofSeconds(5);
    public static final Duration DEFAULT_SETTLE = Duration.ofMinutes(2);
    static final int MAX_RATE = 50;
    static final Duration MAX_DURATION = Duration.ofMinutes(30);

    static final String USAGE = """
            Usage: ./shopflow chaos [--rate N] [--down D] [--pause D] [--settle D] [--faults LIST]
              --rate N       checkouts k6 starts per second (default %d, at most %d)
              --down D       how long each killed service and the stopped broker stay down (default %s)
              --pause D      the load alone before the first fault, between faults and after the last (default %s)
              --settle D     how long to wait, once the load stopped, for every order to be final (default %s)
              --faults LIST  which faults, in order, comma-separated (default %s)
              durations such as 5s, 2m or PT1M; details: docs/chaos.md"""
            .formatted(DEFAULT_RATE, MAX_RATE, text(DEFAULT_DOWN), text(DEFAULT_PAUSE),
                    text(DEFAULT_SETTLE), String.join(",", Fault.DEFAULT.stream().map(Fault::name).toList()));

    public ChaosOptions {
        faults = List.copyOf(faults);
    }

    /**
     * Reads the arguments after {@code chaos}; {@code --name value} and {@code --name=value} both work.
     *
     * @throws IllegalArgumentException with a message for the user when an argument is unknown, missing or wrong
     */
    public static ChaosOptions parse(List<String> args) {
        int rate = DEFAULT_RATE;
        Duration down = DEFAULT_DOWN;
        Duration pause = DEFAULT_PAUSE;
        Duration settle = DEFAULT_SETTLE;
        List<Fault> faults = Fault.DEFAULT;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("Unexpected argument '" + arg + "': chaos takes options only.");
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
                case "--rate" -> rate = rate(value);
                case "--down" -> down = duration(name, value, Duration.ZERO);
                case "--pause" -> pause = duration(name, value, Duration.ZERO);
                case "--settle" -> settle = duration(name, value, Duration.ZERO);
                case "--faults" -> faults = faults(value);
                default -> throw new IllegalArgumentException("Unknown option " + name
                        + ". Options: --rate, --down, --pause, --settle, --faults.");
            }
        }
        return new ChaosOptions(rate, down, pause, settle, faults);
    }

    private static int rate(String value) {
        try {
            int rate = Integer.parseInt(value.trim());
            if (rate >= 1 && rate <= MAX_RATE) {
                return rate;
            }
        } catch (NumberFormatException e) {
            // the message below says what is expected
        }
        throw new IllegalArgumentException("--rate must be a whole number from 1 to " + MAX_RATE + ", not '" + value + "'.");
    }

    private static Duration duration(String name, String value, Duration least) {
        Duration duration;
        try {
            duration = AuditSettings.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage() + ".");
        }
        if (duration.compareTo(least) < 0 || duration.compareTo(MAX_DURATION) > 0) {
            throw new IllegalArgumentException(name + " must be between " + text(least) + " and "
                    + text(MAX_DURATION) + ", not '" + value + "'.");
        }
        return duration;
    }

    private static List<Fault> faults(String value) {
        var faults = new ArrayList<Fault>();
        for (String name : value.split(",")) {
            if (name.isBlank()) {
                continue;
            }
            faults.add(Fault.named(name.trim()).orElseThrow(() -> new IllegalArgumentException("No fault called '"
                    + name.trim() + "'. Faults: " + Fault.names() + ".")));
        }
        if (faults.isEmpty()) {
            throw new IllegalArgumentException("--faults names no fault. Faults: " + Fault.names() + ".");
        }
        return faults;
    }

    /** A duration as the usage and the timeline write it: {@code 5s}, {@code 2m}, {@code 1m 30s}. */
    static String text(Duration duration) {
        if (duration.toMinutes() == 0) {
            return duration.toSeconds() + "s";
        }
        return duration.toMinutes() + "m" + (duration.toSecondsPart() == 0 ? "" : " " + duration.toSecondsPart() + "s");
    }
}
