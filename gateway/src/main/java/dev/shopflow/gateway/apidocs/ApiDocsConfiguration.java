package dev.shopflow.gateway.apidocs;

import org.springframework.cloud.gateway.filter.factory.rewrite.ModifyResponseBodyGatewayFilterFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** The routes to the documents are in {@code application.yml} ({@code *-docs}), the Swagger UI list under {@code springdoc.swagger-ui.urls}. */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfiguration {

    @Bean
    OpenApiServersGatewayFilterFactory openApiServersGatewayFilterFactory(
            ModifyResponseBodyGatewayFilterFactory modifyResponseBody, JsonMapper json) {
        return new OpenApiServersGatewayFilterFactory(modifyResponseBody, json);
    }
}
