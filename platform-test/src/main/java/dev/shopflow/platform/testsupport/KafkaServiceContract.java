package dev.shopflow.platform.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What a service that publishes or consumes events promises, besides its {@link ServiceContract}: it declares its
 * topics with their dead-letter twins at start-up, and serves its dead letters to administrators only. A service's
 * context test implements it next to extending {@link DatabaseServiceContract}.
 */
public interface KafkaServiceContract {

    /** The topics the service declares (each gets a {@code .dlt} twin). */
    List<String> declaredTopics();

    /** Where the service's admin-only dead-letter API is. */
    String deadLettersPath();

    @Test
    default void declaresItsTopicsWithTheirDeadLetterTopics(@Autowired KafkaAdmin kafka) {
        var expected = declaredTopics().stream().flatMap(topic -> Stream.of(topic, topic + ".dlt")).toList();

        var declared = kafka.describeTopics(expected.toArray(String[]::new));

        assertThat(declared.keySet()).containsExactlyInAnyOrderElementsOf(expected);
        declared.forEach((name, topic) -> assertThat(topic.partitions())
                .as("a dead letter keeps its partition, so %s needs as many partitions as its topic", name)
                .hasSize(declared.get(name.replace(".dlt", "")).partitions().size()));
    }

    @Test
    default void servesItsDeadLettersToAdministratorsOnly(@Autowired WebTestClient web) {
        web.get().uri(deadLettersPath()).headers(headers -> headers.setBearerAuth(TestTokens.admin())).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.items").isArray();
        web.get().uri(deadLettersPath()).headers(headers -> headers.setBearerAuth(TestTokens.customer())).exchange()
                .expectStatus().isForbidden();
        web.get().uri(deadLettersPath()).exchange()
                .expectStatus().isUnauthorized();
    }
}
