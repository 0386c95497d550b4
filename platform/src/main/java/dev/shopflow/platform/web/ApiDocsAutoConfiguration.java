package dev.shopflow.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Each service's OpenAPI document names the service and declares the bearer access token, so that Swagger UI's
 * "Authorize" button takes a token from {@code POST /api/auth/token} and sends it with every "Try it out".
 */
@AutoConfiguration
@ConditionalOnClass(OpenAPI.class)
public class ApiDocsAutoConfiguration {

    static final String BEARER = "bearer";

    @Bean
    @ConditionalOnMissingBean
    OpenAPI shopflowApiDocument(@Value("${spring.application.name}") String service) {
        return new OpenAPI()
                .info(new Info().title("Shopflow " + service).version("v1")
                        .description("Errors are RFC 9457 application/problem+json. Sign in with POST /api/auth/token "
                                + "and use the access token with Authorize."))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }
}
