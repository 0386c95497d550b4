package dev.shopflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./shopflow kill kafka} and {@code restart kafka} from another process's command line: the request reaches
 * the launcher (here this JVM, recorded as the launcher, serving requests for a real broker), which stops the broker
 * or starts it again on the same port with its records, and answers.
 */
class BrokerControlTest {

    @TempDir
    Path home;
    @TempDir
    Path kafkaData;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final List<String> launcherSaid = new CopyOnWriteArrayList<>();
    private KafkaBroker broker;
    private BrokerControl control;

    @AfterEach
    void stop() {
        if (control != null) {
            control.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void killStopsTheBrokerAndRestartStartsItOnTheSamePortWithItsRecords() throws Exception {
        broker = KafkaBroker.start(kafkaData, 0);
        String address = broker.bootstrapServers();
        try (var admin = AdminClient.create(Map.of("bootstrap.servers", address))) {
            admin.createTopics(List.of(new NewTopic("payments", 1, (short) 1))).all().get();
        }
        send(address, "before");
        var settings = launcherServing(Optional.of(broker));

        assertThat(shopflow(settings, "kill", "kafka")).as(output()).isZero();
        assertThat(broker.running()).isFalse();
        assertThat(output()).contains("Stopped the Kafka broker (" + address + ")")
                .contains("./shopflow restart kafka starts it again");
        assertThat(statusLine(settings)).endsWith("STOPPED (./shopflow restart kafka starts it)");
        assertThat(launcherSaid).anyMatch(line -> line.contains("Kafka broker stopped"));

        assertThat(shopflow(settings, "kill", "kafka")).as("stopped already").isEqualTo(1);
        assertThat(output()).contains("The Kafka broker is stopped already");

        assertThat(shopflow(settings, "restart", "kafka")).as(output()).isZero();
        assertThat(output()).contains("Kafka is running again on " + address + " (started in");
        assertThat(broker.running()).isTrue();
        assertThat(broker.bootstrapServers()).isEqualTo(address);
        assertThat(statusLine(settings)).doesNotContain("STOPPED");
        send(address, "after");
        assertThat(KafkaBrokerTest.readAll(broker, "payments", 2)).containsExactly("k=before", "k=after");

        assertThat(shopflow(settings, "restart", "kafka")).as("a running broker is stopped and started").isZero();
        assertThat(output()).contains("(stopped and started in");
    }

    @Test
    void refusesABrokerTheLauncherDoesNotRun() {
        var settings = launcherServing(Optional.empty());

        assertThat(shopflow(settings, "restart", "kafka")).isEqualTo(1);
        assertThat(output()).contains("the launcher does not run that broker");
    }

    @Test
    void saysSoWhenTheStackIsNotRunning() {
        var settings = StackSettings.fromEnvironment(home, Map.of());

        assertThat(shopflow(settings, "restart", "kafka")).isEqualTo(1);
        assertThat(output()).contains("Shopflow is not running");
    }

    /** A stack whose launcher is this process, ready, serving broker requests. */
    private StackSettings launcherServing(Optional<KafkaBroker> served) {
        var settings = StackSettings.fromEnvironment(home, Map.of());
        new ProcessRegistry(settings.runDirectory()).record(Supervisor.NAME, ProcessHandle.current());
        try {
            Files.writeString(settings.runDirectory().resolve("launcher.state"), "READY\n");
            Files.writeString(settings.runDirectory().resolve("stack.properties"),
                    "kafka=127.0.0.1\\:" + served.map(KafkaBroker::port).orElse(9092) + " (in-process KRaft broker)\n");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        control = new BrokerControl(settings, () -> served,
                () -> "127.0.0.1:" + served.map(KafkaBroker::port).orElse(9092) + " (in-process KRaft broker)", launcherSaid::add);
        control.start();
        return settings;
    }

    private int shopflow(StackSettings settings, String... args) {
        return new ShopflowCli(settings, new PrintStream(printed, true, StandardCharsets.UTF_8)).run(List.of(args));
    }

    private static String statusLine(StackSettings settings) throws IOException {
        var properties = new java.util.Properties();
        try (var in = Files.newBufferedReader(settings.runDirectory().resolve("stack.properties"))) {
            properties.load(in);
        }
        return properties.getProperty("kafka");
    }

    private static void send(String address, String value) throws Exception {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, address, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("payments", "k", value)).get(30, TimeUnit.SECONDS);
        }
    }

    private String output() {
        return printed.toString(StandardCharsets.UTF_8);
    }
}
