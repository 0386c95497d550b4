package dev.shopflow.platform.testsupport;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.webtestclient.autoconfigure.WebTestClientBuilderCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * Every answer a test gets through its auto-configured {@code WebTestClient} ({@code @AutoConfigureWebTestClient})
 * is checked against the OpenAPI document the application under test serves ({@link ApiContract}): a status,
 * header or body a service's web test meets that its document does not describe fails that test (ADR 0018).
 * Imported with {@code @AutoConfigureWebTestClient} through this module's
 * {@code META-INF/spring/…AutoConfigureWebTestClient.imports}.
 */
@AutoConfiguration
@ConditionalOnClass(WebTestClientBuilderCustomizer.class)
public class ApiContractAutoConfiguration {

    @Bean
    WebTestClientBuilderCustomizer answersCheckedAgainstTheApiDocument() {
        return builder -> builder.filter(ApiContract.checksAnswersAgainstTheServedDocument());
    }
}
