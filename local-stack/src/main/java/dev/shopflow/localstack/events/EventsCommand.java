package dev.shopflow.localstack.events;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * {@code ./shopflow events}: look at the stack's topics and write to them by hand, for the fault labs (docs/labs/).
 * <ul>
 *     <li>{@code list [ORDER_ID] [--topic TOPIC]...} — the records of {@code orders.v1}, {@code inventory.v1} and
 *     {@code payments.v1} (or of the topics named), one line each: where it is, when, its CloudEvents type and id, its
 *     key; all of one order's, or the last {@value #LAST}.</li>
 *     <li>{@code publish TOPIC [--key KEY] [--header NAME=VALUE]... VALUE} — writes one raw record exactly as given:
 *     nothing is added, so a record without the CloudEvents headers is what a consumer cannot read (a poison
 *     record).</li>
 *     <li>{@code resend TOPIC PARTITION OFFSET} — writes a copy of a record (key, value and every header) to its topic
 *     again: the duplicate delivery that a producer retry or a relay crash after the send can cause.</li>
 * </ul>
 * It only ever writes what it is told to; the services' own events go through their outboxes.
 */
public final class EventsCommand {

    /** What {@code list} shows without an order id. */
    static final int LAST = 20;

    /** The topics the saga's events travel on. */
    public static final List<String> SAGA_TOPICS = List.of("orders.v1", "inventory.v1", "payments.v1");

    static final String USAGE = """
            Usage: ./shopflow events list [ORDER_ID] [--topic TOPIC]...
                   ./shopflow events publish TOPIC [--key KEY] [--header NAME=VALUE]... VALUE
                   ./shopflow events resend TOPIC PARTITION OFFSET
            """;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private final PrintStream out;

    public EventsCommand(PrintStream out) {
        this.out = out;
    }

    /**
     * Runs one {@code events} command.
     *
     * @param kafka the running stack's bootstrap servers; empty (having said why) when it does not run
     * @return 0 done, 1 failed, 2 bad arguments, 3 no stack to work on
     */
    public int run(List<String> args, Supplier<Optional<String>> kafka) {
        if (args.isEmpty()) {
            out.print(USAGE);
            return 2;
        }
        List<String> rest = args.subList(1, args.size());
        try {
            return switch (args.getFirst()) {
                case "list" -> list(rest, kafka);
                case "publish" -> publish(rest, kafka);
                case "resend" -> resend(rest, kafka);
                default -> {
                    out.println("Unknown events command: " + args.getFirst());
                    out.print(USAGE);
                    yield 2;
                }
            };
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage());
            out.print(USAGE);
            return 2;
        }
    }

    private int list(List<String> args, Supplier<Optional<String>> kafka) {
        String orderId = null;
        var topics = new ArrayList<String>();
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals("--topic")) {
                topics.add(value(args, ++i, "--topic"));
            } else if (orderId == null && !args.get(i).startsWith("-")) {
                orderId = args.get(i);
            } else {
                throw new IllegalArgumentException("Unknown option for events list: " + args.get(i));
            }
        }
        if (topics.isEmpty()) {
            topics.addAll(SAGA_TOPICS);
        }
        var bootstrap = kafka.get();
        if (bootstrap.isEmpty()) {
            return 3;
        }
        var found = new ArrayList<TopicRecords.Record>();
        try (var records = new TopicRecords(bootstrap.get())) {
            for (String topic : topics) {
                if (records.partitions(topic).isEmpty()) {
                    out.println("There is no topic " + topic + ".");
                    return 1;
                }
                for (var record : records.all(topic)) {
                    if (orderId == null || orderId.equals(record.keyText())) {
                        found.add(record);
                    }
                }
            }
        }
        found.sort(java.util.Comparator.comparing(TopicRecords.Record::time));
        List<TopicRecords.Record> shown = orderId == null && found.size() > LAST
                ? found.subList(found.size() - LAST, found.size()) : found;
        if (shown.isEmpty()) {
            out.println(orderId == null ? "No records on " + String.join(", ", topics) + "."
                    : "No record with key " + orderId + " on " + String.join(", ", topics) + ".");
            return 0;
        }
        String format = "%-16s %9s %6s  %-12s  %-38s %-36s  %s%n";
        out.printf(format, "TOPIC", "PARTITION", "OFFSET", "TIME (UTC)", "TYPE", "EVENT ID", "KEY");
        for (var record : shown) {
            out.printf(format, record.topic(), record.partition(), record.offset(), TIME.format(record.time()),
                    record.header("ce_type").orElse("-"), record.eventId().orElse("-"),
                    record.keyText() == null ? "-" : record.keyText());
        }
        if (shown.size() < found.size()) {
            out.println("(the last " + LAST + " of " + found.size() + "; ./shopflow events list ORDER_ID shows one order's)");
        }
        return 0;
    }

    private int publish(List<String> args, Supplier<Optional<String>> kafka) {
        String topic = null;
        String key = null;
        String value = null;
        var headers = new ArrayList<Header>();
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--key" -> key = value(args, ++i, "--key");
                case "--header" -> {
                    String header = value(args, ++i, "--header");
                    int equals = header.indexOf('=');
                    if (equals < 1) {
                        throw new IllegalArgumentException("A header is NAME=VALUE, not '" + header + "'.");
                    }
                    headers.add(new RecordHeader(header.substring(0, equals),
                            header.substring(equals + 1).getBytes(StandardCharsets.UTF_8)));
                }
                default -> {
                    if (topic == null) {
                        topic = args.get(i);
                    } else if (value == null) {
                        value = args.get(i);
                    } else {
                        throw new IllegalArgumentException("One value only; quote it: '" + args.get(i) + "' is one too many.");
                    }
                }
            }
        }
        if (topic == null || value == null) {
            throw new IllegalArgumentException("events publish needs a topic and a value.");
        }
        var bootstrap = kafka.get();
        if (bootstrap.isEmpty()) {
            return 3;
        }
        try (var records = new TopicRecords(bootstrap.get())) {
            if (records.partitions(topic).isEmpty()) {
                out.println("There is no topic " + topic + " (the services declare theirs: " + String.join(", ", SAGA_TOPICS)
                        + ", each with TOPIC.dlt).");
                return 1;
            }
            var record = new ProducerRecord<>(topic, null, key == null ? null : key.getBytes(StandardCharsets.UTF_8),
                    value.getBytes(StandardCharsets.UTF_8), headers);
            var sent = records.send(record);
            out.println("Published to " + topic + " partition " + sent.partition() + " offset " + sent.offset()
                    + (headers.isEmpty() ? " (no headers)" : " (" + headers.size() + " header(s))") + ".");
        }
        return 0;
    }

    private int resend(List<String> args, Supplier<Optional<String>> kafka) {
        if (args.size() != 3) {
            throw new IllegalArgumentException("events resend needs TOPIC PARTITION OFFSET (./shopflow events list shows them).");
        }
        String topic = args.get(0);
        int partition;
        long offset;
        try {
            partition = Integer.parseInt(args.get(1));
            offset = Long.parseLong(args.get(2));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("PARTITION and OFFSET are numbers, not '" + args.get(1) + "' and '" + args.get(2) + "'.");
        }
        var bootstrap = kafka.get();
        if (bootstrap.isEmpty()) {
            return 3;
        }
        try (var records = new TopicRecords(bootstrap.get())) {
            var original = records.at(topic, partition, offset);
            if (original.isEmpty()) {
                out.println("There is no record at " + topic + " partition " + partition + " offset " + offset + ".");
                return 1;
            }
            var record = original.get();
            // The same partition, so the copy comes after the original for the same consumer, as a redelivery would.
            var copy = new ProducerRecord<>(topic, partition, record.key(), record.value(), record.headers());
            var sent = records.send(copy);
            out.println("Sent a copy of " + record.place() + " (" + record.header("ce_type").orElse("no type")
                    + ", event " + record.eventId().orElse("without an id") + ") as offset " + sent.offset()
                    + ": every consumer group of " + topic + " receives it a second time.");
        }
        return 0;
    }

    private static String value(List<String> args, int index, String option) {
        if (index >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value.");
        }
        return args.get(index);
    }
}
