package dev.shopflow.platform.web;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import jakarta.validation.Valid;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.http.HttpHeaders;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.method.HandlerMethod;

/**
 * Adds to each operation of a service's document the problem answers that come from platform rather than from the
 * operation itself, and gives every 4xx and 5xx answer — these and the ones an operation declares with
 * {@code @ApiResponse} (404, 409, …) — the {@code application/problem+json} content of the shared {@code Problem}
 * schema:
 * <ul>
 * <li>400 when the operation reads a body or parameters (unreadable JSON, a parameter of the wrong type, a required
 * one missing); 413 and 415 when it reads a body (the gateway's size limit, a body that is not JSON);</li>
 * <li>401 with {@code WWW-Authenticate} unless the operation is public (an empty {@code security});</li>
 * <li>422 with {@code errors} when a parameter is validated ({@code @Valid});</li>
 * <li>429 with {@code Retry-After} (the gateway's rate limits), 500, 503 and 504 (a dependency or the service
 * cannot be reached, or does not answer in time) on every operation.</li>
 * </ul>
 * A 204 or 3xx answer (such as a 304 to {@code If-None-Match}) is left without content.
 */
final class CommonProblemAnswers implements OperationCustomizer {

    private static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        boolean readsBody = operation.getRequestBody() != null;
        boolean readsParameters = operation.getParameters() != null && !operation.getParameters().isEmpty();
        boolean isPublic = operation.getSecurity() != null && operation.getSecurity().isEmpty();

        if (readsBody || readsParameters) {
            add(responses, "400", "The request cannot be read: malformed JSON, a parameter of the wrong type, or a "
                    + "required one missing.");
        }
        if (!isPublic) {
            add(responses, "401", "No valid access token.").addHeaderObject(HttpHeaders.WWW_AUTHENTICATE,
                    new Header().description("Bearer, with error=\"invalid_token\" for a token that was refused")
                            .schema(new StringSchema()));
        }
        if (readsBody) {
            add(responses, "413", "The body is larger than the gateway accepts.");
            add(responses, "415", "The body is not application/json.");
        }
        if (validates(handler)) {
            add(responses, "422", "Invalid fields: errors lists each field and why.");
        }
        add(responses, "429", "Too many requests: wait Retry-After seconds.").addHeaderObject(HttpHeaders.RETRY_AFTER,
                new Header().description("Seconds to wait before trying again").schema(new IntegerSchema()));
        add(responses, "500", "An unexpected error; quote its requestId.");
        add(responses, "503", "The service, or one it needs, cannot be reached now; try again later.");
        add(responses, "504", "The service did not answer the gateway in time.");

        responses.forEach((code, response) -> {
            if (code.startsWith("3") || code.equals("204")) {
                // springdoc gives every declared answer the method's return type; these have no body.
                response.setContent(null);
            } else if (code.startsWith("4") || code.startsWith("5")) {
                response.setContent(new Content().addMediaType(PROBLEM_JSON, new MediaType()
                        .schema(new Schema<>().$ref("#/components/schemas/" + ApiDocsAutoConfiguration.PROBLEM))));
            }
        });
        operation.setResponses(sortedByStatus(responses));
        return operation;
    }

    /** The response the operation already declares for {@code code}, or a new one with {@code description}. */
    private static ApiResponse add(ApiResponses responses, String code, String description) {
        return responses.computeIfAbsent(code, absent -> new ApiResponse().description(description));
    }

    private static boolean validates(HandlerMethod handler) {
        return Arrays.stream(handler.getMethodParameters())
                .anyMatch(parameter -> parameter.hasParameterAnnotation(Valid.class)
                        || parameter.hasParameterAnnotation(Validated.class));
    }

    private static ApiResponses sortedByStatus(ApiResponses responses) {
        var sorted = new ApiResponses();
        responses.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(Comparator.naturalOrder()))
                .forEach(entry -> sorted.addApiResponse(entry.getKey(), entry.getValue()));
        sorted.setExtensions(responses.getExtensions());
        return sorted;
    }
}
