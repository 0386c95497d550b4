package dev.shopflow.localstack;

import java.io.IOException;
import java.io.PrintStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real single-node Kafka broker (KRaft: broker and controller in one) running inside this JVM, bound to the
 * loopback interface. Its log directory is formatted on first use and kept, so topics and offsets survive a
 * restart of the stack. It can be stopped and started again on the same ports and data ({@link #stop},
 * {@link #restart}), as {@code ./shopflow kill kafka} and {@code restart kafka} do while the services keep running.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final String HOST = "127.0.0.1";

    private final Path dataDirectory;
    private final int port;
    private final int controllerPort;
    private KafkaRaftServer server;
    private boolean closed;

    private KafkaBroker(Path dataDirectory, int port, int controllerPort) {
        this.dataDirectory = dataDirectory;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /**
     * Formats {@code dataDirectory} if needed and starts the broker.
     *
     * @param port the client port, or 0 for a free one
     */
    public static KafkaBroker start(Path dataDirectory, int port) {
        var broker = new KafkaBroker(dataDirectory, port > 0 ? port : freePort(), freePort());
        broker.startServer();
        return broker;
    }

    /** The address clients use ({@code bootstrap.servers}). */
    public String bootstrapServers() {
        return HOST + ":" + port;
    }

    public int port() {
        return port;
    }

    /** Whether the broker is up (not {@link #stop stopped} nor closed). */
    public synchronized boolean running() {
        return server != null;
    }

    /**
     * Shuts the broker down and leaves it down; its clients lose their connections and retry until it is
     * {@link #restart restarted}. Does nothing when it is stopped already.
     */
    public synchronized void stop() {
        if (server != null) {
            KafkaRaftServer stopping = server;
            server = null;
            stopping.shutdown();
            stopping.awaitShutdown();
        }
    }

    /**
     * Stops the broker if it runs and starts it again on the same ports with the same data: the topics, records,
     * committed offsets and producer ids it had are there again.
     *
     * @throws IllegalStateException when the broker has been closed (the stack is stopping)
     */
    public synchronized void restart() {
        if (closed) {
            throw new IllegalStateException("The broker has been closed: the stack is stopping");
        }
        stop();
        startServer();
    }

    /** Stops the broker for good: a later {@link #restart} is refused. */
    @Override
    public synchronized void close() {
        closed = true;
        stop();
    }

    private void startServer() {
        // A fresh configuration for every start: a KafkaConfig carries the state of the server that used it.
        var config = KafkaConfig.fromProps(properties(dataDirectory, port, controllerPort), false);
        formatIfNew(config, dataDirectory);
        var starting = new KafkaRaftServer(config, Time.SYSTEM);
        try {
            starting.startup();
        } catch (RuntimeException e) {
            starting.shutdown();
            throw e;
        }
        server = starting;
    }

    private static Properties properties(Path dataDirectory, int clientPort, int controllerPort) {
        var properties = new Properties();
        properties.put("process.roles", "broker,controller");
        properties.put("node.id", "1");
        properties.put("controller.quorum.voters", "1@" + HOST + ":" + controllerPort);
        properties.put("listeners", "PLAINTEXT://" + HOST + ":" + clientPort + ",CONTROLLER://" + HOST + ":" + controllerPort);
        properties.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + clientPort);
        properties.put("controller.listener.names", "CONTROLLER");
        properties.put("inter.broker.listener.name", "PLAINTEXT");
        properties.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        properties.put("log.dirs", dataDirectory.toAbsolutePath().toString());
        // Topics are declared by the services that own them, with their partition counts; never created by accident.
        properties.put("auto.create.topics.enable", "false");
        // One node: internal topics cannot be replicated, and a laptop needs few partitions.
        properties.put("offsets.topic.replication.factor", "1");
        properties.put("offsets.topic.num.partitions", "10");
        properties.put("transaction.state.log.replication.factor", "1");
        properties.put("transaction.state.log.min.isr", "1");
        properties.put("transaction.state.log.num.partitions", "10");
        properties.put("share.coordinator.state.topic.replication.factor", "1");
        properties.put("share.coordinator.state.topic.min.isr", "1");
        properties.put("group.initial.rebalance.delay.ms", "0");
        // Small footprint: fewer threads and a small compaction buffer (the default takes 128 MB of heap).
        properties.put("num.network.threads", "2");
        properties.put("num.io.threads", "2");
        properties.put("background.threads", "2");
        properties.put("log.cleaner.threads", "1");
        properties.put("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024));
        properties.put("log.retention.hours", "72");
        return properties;
    }

    private static void formatIfNew(KafkaConfig config, Path dataDirectory) {
        if (Files.exists(dataDirectory.resolve("meta.properties"))) {
            return;
        }
        try {
            Files.createDirectories(dataDirectory);
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(config.nodeId())
                    .setClusterId(Uuid.randomUuid().toString())
                    .setDirectories(List.of(dataDirectory.toAbsolutePath().toString()))
                    .setMetadataLogDirectory(dataDirectory.toAbsolutePath().toString())
                    .setControllerListenerName("CONTROLLER")
                    .setReleaseVersion(MetadataVersion.latestProduction())
                    .run();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the Kafka data directory " + dataDirectory, e);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot format the Kafka data directory " + dataDirectory + ": " + e.getMessage(), e);
        }
    }

    static int freePort() {
        try (var socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(HOST, 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on " + HOST, e);
        }
    }
}
