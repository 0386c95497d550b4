package dev.shopflow.localstack.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopflow.localstack.KafkaBroker;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./shopflow events} against a real broker: what it writes is exactly what it was given, or a copy. */
class EventsCommandTest {

    @TempDir
    static Path data;
    static KafkaBroker kafka;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    @BeforeAll
    static void brokerWithTheSagaTopics() throws Exception {
        kafka = KafkaBroker.start(data, 0);
        try (var admin = AdminClient.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            admin.createTopics(EventsCommand.SAGA_TOPICS.stream().map(topic -> new NewTopic(topic, 2, (short) 1)).toList())
                    .all().get();
        }
    }

    @AfterAll
    static void stop() throws Exception {
        kafka.close();
    }

    @Test
    void publishesARawRecordExactlyAsGivenAndResendsAnIdenticalCopy() {
        int published = run("publish", "inventory.v1", "--key", "order-7", "--header", "ce_id=id-1", "--header",
                "ce_type=shopflow.test.v1", "{\"poison\":true}");

        assertThat(published).as(output()).isZero();
        assertThat(output()).containsPattern("Published to inventory.v1 partition \\d offset 0 \\(2 header\\(s\\)\\)");
        try (var records = new TopicRecords(kafka.bootstrapServers())) {
            var original = records.all("inventory.v1").getFirst();
            assertThat(original.keyText()).isEqualTo("order-7");
            assertThat(original.valueText()).isEqualTo("{\"poison\":true}");
            assertThat(original.headers()).extracting(header -> header.key()).containsExactly("ce_id", "ce_type");

            int resent = run("resend", "inventory.v1", String.valueOf(original.partition()), "0");

            assertThat(resent).as(output()).isZero();
            assertThat(output()).contains("Sent a copy of inventory.v1 partition " + original.partition()
                    + " offset 0 (shopflow.test.v1, event id-1) as offset 1");
            var both = new TopicRecords(kafka.bootstrapServers()).all("inventory.v1");
            assertThat(both).hasSize(2);
            assertThat(both.get(1).sameEventAs(both.get(0))).isTrue();
            assertThat(both.get(1).partition()).isEqualTo(original.partition());
        }
        run("list", "order-7", "--topic", "inventory.v1");
        assertThat(output()).containsPattern("inventory.v1 +\\d +0 .* shopflow.test.v1 +id-1 +order-7")
                .containsPattern("inventory.v1 +\\d +1 .* shopflow.test.v1 +id-1 +order-7");
    }

    @Test
    void publishesWithoutHeadersWhenNoneAreGiven() {
        assertThat(run("publish", "payments.v1", "not json at all")).isZero();

        assertThat(output()).contains("(no headers)");
    }

    @Test
    void refusesAnUnknownTopicAMissingRecordAndBadArguments() {
        assertThat(run("publish", "no.such.topic", "{}")).isEqualTo(1);
        assertThat(output()).contains("There is no topic no.such.topic");
        assertThat(run("resend", "orders.v1", "0", "999")).isEqualTo(1);
        assertThat(output()).contains("There is no record at orders.v1 partition 0 offset 999");
        assertThat(run("resend", "orders.v1", "zero", "1")).isEqualTo(2);
        assertThat(run("publish", "orders.v1")).isEqualTo(2);
        assertThat(run("publish", "orders.v1", "--header", "no-equals-sign", "{}")).isEqualTo(2);
        assertThat(run("juggle")).isEqualTo(2);
    }

    @Test
    void saysSoWhenNoStackRuns() {
        int exit = new EventsCommand(new PrintStream(printed, true, StandardCharsets.UTF_8))
                .run(List.of("list"), Optional::empty);

        assertThat(exit).isEqualTo(3);
    }

    private int run(String... args) {
        printed.reset();
        return new EventsCommand(new PrintStream(printed, true, StandardCharsets.UTF_8))
                .run(List.of(args), () -> Optional.of(kafka.bootstrapServers()));
    }

    private String output() {
        return printed.toString(StandardCharsets.UTF_8);
    }
}
