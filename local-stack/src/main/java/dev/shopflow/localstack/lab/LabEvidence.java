package dev.shopflow.localstack.lab;

import dev.shopflow.localstack.audit.Stores;
import dev.shopflow.localstack.audit.Stores.Store;
import dev.shopflow.localstack.events.TopicRecords;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What a lab check may read of the running stack, read only: the services' databases (each in a read-only
 * transaction), the topics (a consumer without a group), the services' metrics (their management ports) and when each
 * service's process started.
 */
final class LabEvidence implements AutoCloseable {

    /** An order as order-service stores it. */
    record Order(UUID id, String status, String reason, Instant createdAt) {

        String describe() {
            return "order " + id + " (" + status + (reason == null ? "" : " " + reason) + ")";
        }
    }

    /** One step of an order's timeline. */
    record Step(Instant occurredAt, String step, String actor, String detail) {

        @Override
        public String toString() {
            return step + " (" + actor + ")";
        }
    }

    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final LabStack stack;
    private final Stores databases;
    private final Map<String, List<TopicRecords.Record>> topics = new HashMap<>();
    private TopicRecords records;

    LabEvidence(LabStack stack) {
        this.stack = stack;
        this.databases = new Stores(stack.stores());
    }

    <T> List<T> query(Store store, String sql, Stores.Row<T> mapper, Object... parameters) throws SQLException {
        return databases.list(store, sql, mapper, parameters);
    }

    /** The newest order that matches the condition (SQL on table {@code orders}), if any. */
    Optional<Order> newestOrder(String condition, Object... parameters) throws SQLException {
        return query(Store.ORDERS, "SELECT id, status, cancellation_reason, created_at FROM orders WHERE " + condition
                        + " ORDER BY created_at DESC LIMIT 1",
                LabEvidence::order, parameters).stream().findFirst();
    }

    Optional<Order> order(UUID id) throws SQLException {
        return query(Store.ORDERS, "SELECT id, status, cancellation_reason, created_at FROM orders WHERE id = ?",
                LabEvidence::order, id).stream().findFirst();
    }

    List<Step> timeline(UUID orderId) throws SQLException {
        return query(Store.ORDERS, "SELECT occurred_at, step, actor, detail FROM order_timeline WHERE order_id = ? ORDER BY id",
                row -> new Step(instant(row, "occurred_at"), row.getString("step"), row.getString("actor"),
                        row.getString("detail")), orderId);
    }

    /** How many units of each of the order's reservations are in each state (RESERVED, COMMITTED, RELEASED). */
    Map<String, Integer> reservations(UUID orderId) throws SQLException {
        var states = new java.util.TreeMap<String, Integer>();
        query(Store.CATALOG, "SELECT status, sum(quantity) AS units FROM stock_reservations WHERE order_id = ? GROUP BY status",
                row -> states.put(row.getString("status"), row.getInt("units")), orderId);
        return states;
    }

    /** The order's payment: its status and decline code, if payment-service has one. */
    Optional<String[]> payment(UUID orderId) throws SQLException {
        return query(Store.PAYMENTS, "SELECT status, decline_code FROM payments WHERE order_id = ?",
                row -> new String[] {row.getString("status"), row.getString("decline_code")}, orderId).stream().findFirst();
    }

    /** Every record of the topic (read once per check). */
    List<TopicRecords.Record> records(String topic) {
        return topics.computeIfAbsent(topic, name -> topicRecords().all(name));
    }

    /** The service's Prometheus answer, or empty when its management port does not answer. */
    Optional<String> metrics(String service) {
        Integer port = stack.managementPorts().get(service);
        if (port == null) {
            return Optional.empty();
        }
        try {
            var response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
                    .header("Accept", "text/plain").timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? Optional.of(response.body()) : Optional.empty();
        } catch (java.io.IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /**
     * The samples of a metric in a Prometheus answer whose labels contain every one given ({@code state="open"}), each
     * as its label set and value.
     */
    static Map<String, Double> samples(String metrics, String name, String... labels) {
        var found = new java.util.LinkedHashMap<String, Double>();
        var line = Pattern.compile("^" + Pattern.quote(name) + "\\{([^}]*)} (\\S+)", Pattern.MULTILINE).matcher(metrics);
        while (line.find()) {
            String labelSet = line.group(1);
            boolean matches = true;
            for (String label : labels) {
                matches &= labelSet.contains(label);
            }
            if (matches) {
                try {
                    found.put(labelSet, Double.parseDouble(line.group(2)));
                } catch (NumberFormatException ignored) {
                    // NaN and friends count as nothing seen.
                }
            }
        }
        return found;
    }

    /** A label's value in a label set such as {@code application="gateway",name="catalog"}. */
    static String label(String labelSet, String name) {
        var value = Pattern.compile("(?:^|,)" + Pattern.quote(name) + "=\"([^\"]*)\"").matcher(labelSet);
        return value.find() ? value.group(1) : "?";
    }

    /**
     * Whether the timeline holds these steps in this order (others may come between), each given as
     * {@code STEP@actor}.
     */
    static boolean inOrder(List<Step> timeline, String... steps) {
        int next = 0;
        for (Step step : timeline) {
            if (next < steps.length && steps[next].equals(step.step() + "@" + step.actor())) {
                next++;
            }
        }
        return next == steps.length;
    }

    static String describe(List<Step> timeline) {
        return String.join(" → ", timeline.stream().map(Step::toString).toList());
    }

    Optional<Instant> startedAt(String service) {
        return Optional.ofNullable(stack.startedAt().get(service));
    }

    @Override
    public void close() {
        databases.close();
        if (records != null) {
            records.close();
        }
    }

    private TopicRecords topicRecords() {
        if (records == null) {
            records = new TopicRecords(stack.stores().kafkaBootstrapServers());
        }
        return records;
    }

    private static Order order(ResultSet row) throws SQLException {
        return new Order(row.getObject("id", UUID.class), row.getString("status"), row.getString("cancellation_reason"),
                instant(row, "created_at"));
    }

    static Instant instant(ResultSet row, String column) throws SQLException {
        var time = row.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }
}
