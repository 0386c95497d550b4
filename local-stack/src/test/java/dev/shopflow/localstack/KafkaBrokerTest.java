package dev.shopflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerTest {

    @TempDir
    Path data;

    @Test
    void keepsTopicsAndRecordsAcrossARestart() throws Exception {
        try (var broker = KafkaBroker.start(data, 0)) {
            try (var admin = AdminClient.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic("greetings", 2, (short) 1))).all().get();
            }
            try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                    new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("greetings", "order-1", "hello")).get();
            }
        }

        try (var broker = KafkaBroker.start(data, 0);
             var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                     ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                     ConsumerConfig.GROUP_ID_CONFIG, "test",
                     ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                     new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("greetings"));
            var values = new java.util.ArrayList<String>();
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> values.add(record.key() + "=" + record.value()));
                return !values.isEmpty();
            });
            assertThat(values).containsExactly("order-1=hello");
        }
    }

    @Test
    void restartsOnTheSamePortWithItsRecordsWhileAClientStaysConnected() throws Exception {
        try (var broker = KafkaBroker.start(data, 0);
             var admin = AdminClient.create(Map.of("bootstrap.servers", broker.bootstrapServers()));
             var producer = new KafkaProducer<>(Map.<String, Object>of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                     ProducerConfig.ACKS_CONFIG, "all",
                     ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                     new StringSerializer(), new StringSerializer())) {
            admin.createTopics(List.of(new NewTopic("orders", 1, (short) 1))).all().get();
            producer.send(new ProducerRecord<>("orders", "order-1", "before")).get();
            String address = broker.bootstrapServers();

            broker.stop();
            assertThat(broker.running()).isFalse();
            // A send while the broker is down waits for it (up to the producer's max.block.ms), as a relay's does.
            var sentWhileDown = java.util.concurrent.CompletableFuture.runAsync(() -> {
                try {
                    producer.send(new ProducerRecord<>("orders", "order-2", "while down")).get();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            broker.restart();

            assertThat(broker.running()).isTrue();
            assertThat(broker.bootstrapServers()).isEqualTo(address);
            sentWhileDown.get(60, java.util.concurrent.TimeUnit.SECONDS);
            producer.send(new ProducerRecord<>("orders", "order-3", "after")).get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(readAll(broker, "orders", 3)).containsExactly("order-1=before", "order-2=while down", "order-3=after");
        }
    }

    @Test
    void aClosedBrokerIsNotStartedAgain() {
        var broker = KafkaBroker.start(data, 0);
        broker.close();

        assertThat(broker.running()).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(broker::restart).hasMessageContaining("closed");
    }

    static List<String> readAll(KafkaBroker broker, String topic, int expected) {
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "reader-" + java.util.UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            var values = new java.util.ArrayList<String>();
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> values.add(record.key() + "=" + record.value()));
                return values.size() >= expected;
            });
            return values;
        }
    }

    @Test
    void refusesToCreateTopicsByAccident() throws Exception {
        try (var broker = KafkaBroker.start(data, 0);
             var admin = AdminClient.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                    ProducerConfig.MAX_BLOCK_MS_CONFIG, 2000),
                    new StringSerializer(), new StringSerializer())) {
                var send = producer.send(new ProducerRecord<>("typo-topic", "k", "v"));
                org.assertj.core.api.Assertions.assertThatThrownBy(send::get).hasMessageContaining("typo-topic");
            }
            assertThat(admin.listTopics().names().get()).doesNotContain("typo-topic");
        }
    }
}
