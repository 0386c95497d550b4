package dev.shopflow.platform.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/** Web defaults for every reactive Shopflow service. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
public class WebAutoConfiguration {

    @Bean
    ServiceNameHeaderFilter serviceNameHeaderFilter(@Value("${spring.application.name}") String serviceName) {
        return new ServiceNameHeaderFilter(serviceName);
    }
}
