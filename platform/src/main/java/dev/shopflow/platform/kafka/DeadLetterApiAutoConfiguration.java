package dev.shopflow.platform.kafka;

import dev.shopflow.platform.security.AccessRules;
import dev.shopflow.platform.security.AuthenticatedUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.security.config.web.server.ServerHttpSecurity;

/**
 * The dead-letter API ({@link DeadLetterController}) of a service that sets {@code shopflow.kafka.dead-letters-path},
 * for administrators only.
 */
@AutoConfiguration(after = KafkaMessagingAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass(ServerHttpSecurity.class)
@ConditionalOnBean(DeadLetters.class)
@ConditionalOnProperty("shopflow.kafka.dead-letters-path")
public class DeadLetterApiAutoConfiguration {

    @Bean
    DeadLetterController deadLetterController(DeadLetters deadLetters, KafkaSettings settings,
            @Value("${spring.kafka.consumer.group-id}") String consumerGroup) {
        return new DeadLetterController(deadLetters, settings.consumedTopics(), consumerGroup);
    }

    /** Before the service's own rules, which may open its whole path prefix to anonymous reads. */
    @Bean
    AccessRules deadLettersAreForAdministrators(KafkaSettings settings) {
        return new AdminOnly(settings.deadLettersPath());
    }

    private record AdminOnly(String path) implements AccessRules, Ordered {

        @Override
        public void configure(ServerHttpSecurity.AuthorizeExchangeSpec exchanges) {
            exchanges.pathMatchers(path, path + "/**").hasRole(AuthenticatedUser.ADMIN);
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }
}
