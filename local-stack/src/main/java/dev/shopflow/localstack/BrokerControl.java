package dev.shopflow.localstack;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * {@code ./shopflow kill kafka} and {@code ./shopflow restart kafka}: the in-process broker lives in the launcher's
 * JVM, so another {@code ./shopflow} process asks the launcher to stop or restart it. The request is a file in the
 * run directory ({@code run/control/ID.request}, one word: {@code stop} or {@code restart}); the launcher looks for
 * requests every 200 ms, carries each out on its {@link KafkaBroker} (same port, same data folder, the services
 * keep running) and answers in {@code run/control/ID.reply}. The run directory is its owner's alone, so only the
 * user who started the stack can ask (ADR 0026).
 */
final class BrokerControl implements AutoCloseable {

    /** What a request asks the launcher to do with its broker. */
    enum Action {
        /** Shut the broker down and leave it down ({@code kill kafka}). */
        STOP,
        /** Stop it if it runs, and start it again ({@code restart kafka}). */
        RESTART;

        String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * The launcher's answer.
     *
     * @param done whether the broker was stopped or (re)started as asked
     * @param message what happened, for the user
     */
    record Reply(boolean done, String message) {
    }

    /** The name {@code kill} and {@code restart} take for the broker. */
    static final String NAME = "kafka";

    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration REPLY_TIMEOUT = Duration.ofMinutes(2);
    private static final String REQUEST = ".request";
    private static final String REPLY = ".reply";

    private final StackSettings settings;
    private final Supplier<Optional<KafkaBroker>> broker;
    private final Supplier<String> description;
    private final Consumer<String> out;
    private volatile boolean closed;
    private Thread serving;

    /**
     * The launcher's side, for the stack it runs; {@link #start} it once the stack is up.
     *
     * @param broker the stack's in-process broker, empty when it uses {@code KAFKA_BOOTSTRAP_SERVERS}
     * @param description how {@code status} describes Kafka while it runs
     * @param out where the launcher reports what it did (its terminal, or {@code logs/launcher.log})
     */
    BrokerControl(StackSettings settings, Supplier<Optional<KafkaBroker>> broker, Supplier<String> description,
            Consumer<String> out) {
        this.settings = settings;
        this.broker = broker;
        this.description = description;
        this.out = out;
    }

    /** Whether {@code kill}'s or {@code restart}'s arguments name the broker rather than a service. */
    static boolean names(List<String> args) {
        return args.size() == 1 && args.getFirst().equals(NAME);
    }

    /**
     * The command line's side: asks the running launcher to stop or restart its broker, waits for the answer and
     * prints it.
     *
     * @return 0 when it was done, 1 when it could not be (nothing runs, the broker is external or stopped already)
     */
    static int command(StackSettings settings, PrintStream out, Action action) {
        if (Supervisor.running(settings).isEmpty()) {
            out.println("Shopflow is not running; ./shopflow up starts it.");
            return 1;
        }
        var state = Supervisor.state(settings).orElse(Supervisor.State.STARTING);
        if (state != Supervisor.State.READY) {
            out.println("Shopflow is " + state.name().toLowerCase(Locale.ROOT) + "; " + action.word()
                    + " Kafka once it is ready.");
            return 1;
        }
        out.println(action == Action.STOP ? "Stopping the Kafka broker …" : "Restarting the Kafka broker …");
        Reply reply = request(settings, action, REPLY_TIMEOUT);
        out.println(reply.message());
        return reply.done() ? 0 : 1;
    }

    /** Sends a request to the launcher of these settings and waits up to {@code timeout} for its reply. */
    static Reply request(StackSettings settings, Action action, Duration timeout) {
        Path folder = folder(settings);
        String id = System.currentTimeMillis() + "-" + UUID.randomUUID();
        Path reply = folder.resolve(id + REPLY);
        try {
            Files.createDirectories(folder);
            writeAtomically(folder.resolve(id + REQUEST), action.word() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write a request into " + folder, e);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(reply)) {
                var answer = new Properties();
                try (Reader in = Files.newBufferedReader(reply)) {
                    answer.load(in);
                    Files.deleteIfExists(reply);
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot read the launcher's reply " + reply, e);
                }
                return new Reply(Boolean.parseBoolean(answer.getProperty("done")), answer.getProperty("message", ""));
            }
            if (Supervisor.running(settings).isEmpty()) {
                return new Reply(false, "The launcher stopped before it answered.");
            }
            LocalStack.pause(POLL);
        }
        try {
            Files.deleteIfExists(folder.resolve(id + REQUEST));
        } catch (IOException e) {
            // the launcher may be reading it right now; it answers into a reply nobody reads
        }
        return new Reply(false, "The launcher did not answer within " + timeout.toSeconds() + " s; see ./shopflow logs launcher.");
    }

    /** Serves requests until {@link #close}: the launcher calls this once its stack is ready. */
    void start() {
        try {
            Files.createDirectories(folder(settings));
            // Requests and replies of an earlier run mean nothing to this one.
            try (var files = Files.list(folder(settings))) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare " + folder(settings), e);
        }
        serving = Thread.ofPlatform().daemon().name("broker-control").start(this::serve);
    }

    /** Stops serving, letting a request that is being carried out finish first. */
    @Override
    public void close() {
        closed = true;
        if (serving != null) {
            try {
                serving.join(Duration.ofMinutes(1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void serve() {
        while (!closed) {
            try (var files = Files.list(folder(settings))) {
                for (Path request : files.filter(file -> file.getFileName().toString().endsWith(REQUEST)).sorted().toList()) {
                    if (!closed) {
                        answer(request);
                    }
                }
            } catch (IOException | RuntimeException e) {
                out.accept("  ! cannot read requests in " + folder(settings) + ": " + e.getMessage());
            }
            try {
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void answer(Path request) throws IOException {
        String name = request.getFileName().toString();
        String id = name.substring(0, name.length() - REQUEST.length());
        String word;
        try {
            word = Files.readString(request).trim();
        } catch (IOException e) {
            return; // being written still (never: requests are moved into place) or taken back by a timed-out client
        }
        Files.deleteIfExists(request);
        Reply reply;
        try {
            reply = switch (word) {
                case "stop" -> carryOut(Action.STOP);
                case "restart" -> carryOut(Action.RESTART);
                default -> new Reply(false, "Unknown request '" + word + "'.");
            };
        } catch (RuntimeException e) {
            out.accept("  ! Kafka " + word + " failed: " + e.getMessage());
            reply = new Reply(false, "The broker could not " + word + ": " + e.getMessage() + " (./shopflow logs kafka)");
        }
        var answer = new Properties();
        answer.setProperty("done", String.valueOf(reply.done()));
        answer.setProperty("message", reply.message());
        var text = new java.io.StringWriter();
        answer.store(text, null);
        writeAtomically(request.resolveSibling(id + REPLY), text.toString());
    }

    private Reply carryOut(Action action) {
        Optional<KafkaBroker> found = broker.get();
        if (found.isEmpty()) {
            return new Reply(false, "Kafka is " + settings.kafkaBootstrapServers() + " (KAFKA_BOOTSTRAP_SERVERS): the"
                    + " launcher does not run that broker, so it cannot stop or restart it.");
        }
        KafkaBroker broker = found.get();
        String where = description.get();
        long began = System.nanoTime();
        if (action == Action.STOP) {
            if (!broker.running()) {
                return new Reply(false, "The Kafka broker is stopped already; ./shopflow restart kafka starts it.");
            }
            broker.stop();
            describe(where + " — STOPPED (./shopflow restart kafka starts it)");
            out.accept("  ! Kafka broker stopped (./shopflow kill kafka); ./shopflow restart kafka starts it again");
            return new Reply(true, String.format(Locale.ROOT, "Stopped the Kafka broker (%s) in %.1f s. The services keep"
                    + " running: their outboxes hold what they publish, their consumers wait. ./shopflow restart kafka"
                    + " starts it again.", broker.bootstrapServers(), seconds(began)));
        }
        boolean wasRunning = broker.running();
        broker.restart();
        describe(where);
        out.accept("  ✓ Kafka broker is running again on " + broker.bootstrapServers());
        return new Reply(true, String.format(Locale.ROOT, "Kafka is running again on %s (%s in %.1f s), with its"
                + " topics, records and offsets.", broker.bootstrapServers(), wasRunning ? "stopped and started" : "started",
                seconds(began)));
    }

    /** What {@code ./shopflow status} shows for Kafka. */
    private void describe(String kafka) {
        Path file = settings.runDirectory().resolve("stack.properties");
        if (!Files.exists(file)) {
            return;
        }
        var description = new Properties();
        try {
            try (Reader in = Files.newBufferedReader(file)) {
                description.load(in);
            }
            description.setProperty("kafka", kafka);
            var text = new java.io.StringWriter();
            description.store(text, "The running stack, for ./shopflow status");
            writeAtomically(file, text.toString());
        } catch (IOException e) {
            out.accept("  ! cannot update " + file + ": " + e.getMessage());
        }
    }

    private static void writeAtomically(Path file, String content) throws IOException {
        Path written = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer writer = Files.newBufferedWriter(written)) {
            writer.write(content);
        }
        Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static Path folder(StackSettings settings) {
        return settings.runDirectory().resolve("control");
    }

    private static double seconds(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1e9;
    }
}
