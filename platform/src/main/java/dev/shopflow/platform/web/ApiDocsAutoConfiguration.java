package dev.shopflow.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Each service's OpenAPI document: it names the service, declares the bearer access token (so that Swagger UI's
 * "Authorize" button takes a token from {@code POST /api/auth/token} and sends it with every "Try it out"), defines
 * the one {@value #PROBLEM} schema every error answer uses, and gives each operation the problem answers it can
 * give ({@link CommonProblemAnswers}). Operations anyone may call say so with an empty
 * {@code @SecurityRequirements}; the service contract tests check the document against the running service (ADR
 * 0018).
 */
@AutoConfiguration
@ConditionalOnClass({OpenAPI.class, OperationCustomizer.class})
public class ApiDocsAutoConfiguration {

    static final String BEARER = "bearer";
    /** The RFC 9457 problem details schema, in every service's document under this name. */
    public static final String PROBLEM = "Problem";
    static final String FIELD_ERROR = "FieldError";

    @Bean
    @ConditionalOnMissingBean
    OpenAPI shopflowApiDocument(@Value("${spring.application.name}") String service) {
        return new OpenAPI()
                .info(new Info().title("Shopflow " + service).version("v1")
                        .description("Errors are RFC 9457 application/problem+json (schema Problem). Sign in with "
                                + "POST /api/auth/token and use the access token with Authorize.")
                        .contact(new Contact().name("Shopflow").url("https://shopflow.dev"))
                        .license(new License().name("Apache-2.0").url("https://www.apache.org/licenses/LICENSE-2.0")))
                .components(new Components()
                        .addSecuritySchemes(BEARER, new SecurityScheme()
                                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                                .description("An access token from POST /api/auth/token"))
                        .addSchemas(PROBLEM, problemSchema())
                        .addSchemas(FIELD_ERROR, fieldErrorSchema()))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    @Bean
    OperationCustomizer commonProblemAnswers() {
        return new CommonProblemAnswers();
    }

    /** RFC 9457 members, the {@code requestId} every Shopflow problem carries, and the 422's {@code errors}. */
    private static Schema<?> problemSchema() {
        var problem = new ObjectSchema()
                .description("An RFC 9457 problem. Problem types Shopflow defines are under "
                        + ProblemResponses.TYPE_BASE + "; some add members of their own (such as retryAfterSeconds "
                        + "or priceChanges), which the operation describes.")
                .addProperty("type", new StringSchema().format("uri").example(FieldErrors.TYPE.toString())
                        .description("What kind of problem: a client can switch on it; about:blank for a plain "
                                + "HTTP status"))
                .addProperty("title", new StringSchema().example("Invalid request content")
                        .description("The problem type in words"))
                .addProperty("status", new IntegerSchema().example(422).description("The HTTP status"))
                .addProperty("detail", new StringSchema().example("The request has invalid fields: see errors.")
                        .description("This occurrence in words"))
                .addProperty("instance", new StringSchema().format("uri-reference").example("/api/orders")
                        .description("The request path"))
                .addProperty("requestId", new StringSchema().example("6c1a0f2e-17")
                        .description("The request's id, as the logs show it"))
                .addProperty("errors", new ArraySchema()
                        .items(new Schema<>().$ref("#/components/schemas/" + FIELD_ERROR))
                        .description("Each invalid field and why (invalid-fields problems only)"));
        problem.setRequired(List.of("title", "status"));
        problem.setAdditionalProperties(true);
        return problem;
    }

    private static Schema<?> fieldErrorSchema() {
        var fieldError = new ObjectSchema()
                .description("A field of the request that failed validation")
                .addProperty("field", new StringSchema().example("quantity")
                        .description("The field's name, or path such as items[0].productId"))
                .addProperty("message", new StringSchema().example("must be less than or equal to 99")
                        .description("What is wrong with it"));
        fieldError.setRequired(List.of("field", "message"));
        return fieldError;
    }
}
