package dev.shopflow.localstack.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * k6's end-of-test summary as {@code k6 run --summary-export} writes it: every metric (and every sub-metric a
 * threshold names, such as {@code http_req_duration{endpoint:cart_add}}) with its values and, for each threshold,
 * whether it was crossed.
 */
public final class K6Summary {

    private static final Pattern SUB_METRIC = Pattern.compile("([^{]+)\\{([^}]*)}");

    /**
     * One metric or sub-metric.
     *
     * @param name the metric's name without tags ({@code http_req_duration})
     * @param tags the sub-metric's tags, empty for the metric itself
     * @param values its statistics: a counter's {@code count} and {@code rate} (per second), a rate's {@code value}
     *     (the share of true samples), a trend's {@code avg}, {@code med}, {@code p(95)}, ...
     * @param thresholds each threshold's expression and whether it was crossed
     */
    public record Metric(String name, Map<String, String> tags, Map<String, Double> values, Map<String, Boolean> thresholds) {

        public OptionalDouble value(String stat) {
            Double value = values.get(stat);
            return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
        }

        public boolean crossed() {
            return thresholds.containsValue(true);
        }

        /** {@code name} or {@code name{tag:value}}, as k6 writes it. */
        public String key() {
            if (tags.isEmpty()) {
                return name;
            }
            var joined = new StringBuilder();
            tags.forEach((tag, value) -> joined.append(joined.isEmpty() ? "" : ",").append(tag).append(':').append(value));
            return name + "{" + joined + "}";
        }
    }

    private final Map<String, Metric> metrics;

    private K6Summary(Map<String, Metric> metrics) {
        this.metrics = metrics;
    }

    public static K6Summary read(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read k6's summary " + file, e);
        }
    }

    /** @throws IllegalArgumentException when the text is not a k6 summary */
    public static K6Summary parse(String json) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("Not a k6 summary: " + e.getMessage(), e);
        }
        if (root == null || !root.path("metrics").isObject()) {
            throw new IllegalArgumentException("Not a k6 summary: it has no \"metrics\".");
        }
        var metrics = new LinkedHashMap<String, Metric>();
        root.path("metrics").properties().forEach(entry -> {
            var values = new LinkedHashMap<String, Double>();
            var thresholds = new LinkedHashMap<String, Boolean>();
            entry.getValue().properties().forEach(field -> {
                if (field.getKey().equals("thresholds")) {
                    // true means crossed in this format; newer exports write {"ok": false} instead.
                    field.getValue().properties().forEach(threshold -> thresholds.put(threshold.getKey(),
                            threshold.getValue().isBoolean() ? threshold.getValue().booleanValue() : !threshold.getValue().path("ok").asBoolean(true)));
                } else if (field.getValue().isNumber()) {
                    values.put(field.getKey(), field.getValue().doubleValue());
                }
            });
            String key = entry.getKey();
            Matcher sub = SUB_METRIC.matcher(key);
            String name = key;
            var tags = new LinkedHashMap<String, String>();
            if (sub.matches()) {
                name = sub.group(1);
                for (String pair : sub.group(2).split(",")) {
                    int colon = pair.indexOf(':');
                    if (colon > 0) {
                        tags.put(pair.substring(0, colon).strip(), pair.substring(colon + 1).strip());
                    }
                }
            }
            metrics.put(key, new Metric(name, Map.copyOf(tags), Map.copyOf(values), Map.copyOf(thresholds)));
        });
        return new K6Summary(metrics);
    }

    /** The metric or sub-metric with this key ({@code http_reqs}, {@code place_to_confirmed{phase:late}}). */
    public Optional<Metric> metric(String key) {
        return Optional.ofNullable(metrics.get(key));
    }

    public OptionalDouble value(String key, String stat) {
        return metric(key).map(metric -> metric.value(stat)).orElse(OptionalDouble.empty());
    }

    /** The sub-metrics of {@code name} that have {@code tag}, in the summary's order, keyed by the tag's value. */
    public Map<String, Metric> byTag(String name, String tag) {
        var found = new LinkedHashMap<String, Metric>();
        metrics.values().stream()
                .filter(metric -> metric.name().equals(name) && metric.tags().containsKey(tag))
                .forEach(metric -> found.put(metric.tags().get(tag), metric));
        return found;
    }

    /** Every crossed threshold, as {@code metric: expression}. */
    public List<String> crossedThresholds() {
        var crossed = new ArrayList<String>();
        metrics.forEach((key, metric) -> metric.thresholds().forEach((expression, wasCrossed) -> {
            if (wasCrossed) {
                crossed.add(key + ": " + expression);
            }
        }));
        return crossed;
    }
}
