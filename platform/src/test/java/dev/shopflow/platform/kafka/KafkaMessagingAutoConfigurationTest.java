package dev.shopflow.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;

class KafkaMessagingAutoConfigurationTest {

    private final ApplicationContextRunner service = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class, KafkaMessagingAutoConfiguration.class))
            // Nothing listens there, and the topics are checked as declared, not created.
            .withPropertyValues("spring.kafka.bootstrap-servers=127.0.0.1:1", "spring.kafka.admin.auto-create=false");

    @Test
    void declaresEachTopicWithADeadLetterTopicOfTheSamePartitionCount() {
        service.withPropertyValues("shopflow.kafka.topics[0].name=orders.v1", "shopflow.kafka.topics[0].partitions=6",
                "shopflow.kafka.topics[1].name=inventory.v1", "shopflow.kafka.topics[1].partitions=3").run(context -> {
            assertThat(context).hasSingleBean(KafkaAdmin.NewTopics.class);
            var topics = KafkaMessagingAutoConfiguration.topicsToDeclare(context.getBean(KafkaSettings.class));
            assertThat(topics).extracting(NewTopic::name, NewTopic::numPartitions).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("orders.v1", 6), org.assertj.core.groups.Tuple.tuple("orders.v1.dlt", 6),
                    org.assertj.core.groups.Tuple.tuple("inventory.v1", 3), org.assertj.core.groups.Tuple.tuple("inventory.v1.dlt", 3));
        });
    }

    @Test
    void givesListenersTheDeadLetterErrorHandlerAndLeavesBootsKafkaTemplateInPlace() {
        service.run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(DeadLetters.class);
            assertThat(context.getBean(CommonErrorHandler.class)).isInstanceOf(DefaultErrorHandler.class);
            assertThat(context).hasSingleBean(KafkaTemplate.class);
        });
    }

    @Test
    void refusesATopicWithoutPartitions() {
        service.withPropertyValues("shopflow.kafka.topics[0].name=orders.v1", "shopflow.kafka.topics[0].partitions=0")
                .run(context -> assertThat(context).hasFailed());
    }
}
