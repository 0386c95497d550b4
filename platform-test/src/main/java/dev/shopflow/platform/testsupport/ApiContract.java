package dev.shopflow.platform.testsupport;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.SimpleValidationReportFormat;
import com.atlassian.oai.validator.report.ValidationReport;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A service's OpenAPI document as a check on its answers: every answer to a request for an operation the document
 * describes must have a status the operation documents, the documented content type, a body that fits the schema
 * and the documented headers. Requests are not checked (tests send wrong requests on purpose); answers to paths the
 * document does not describe (actuator, unknown paths, the document itself) pass unchecked, and so does the body of
 * an event stream.
 */
public final class ApiContract {

    private static final Map<String, ApiContract> BY_DOCUMENT = new ConcurrentHashMap<>();

    private final OpenApiInteractionValidator validator;

    private ApiContract(String document) {
        this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(document)
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.request", ValidationReport.Level.IGNORE)
                        .withLevel("validation.response.path.missing", ValidationReport.Level.IGNORE)
                        .build())
                .build();
    }

    /** The contract of this OpenAPI document (JSON); parsed once per document. */
    public static ApiContract of(String document) {
        return BY_DOCUMENT.computeIfAbsent(document, ApiContract::new);
    }

    /** A filter for a test's client that fails the exchange with an {@link AssertionError} on an answer off contract. */
    public ExchangeFilterFunction checksAnswers() {
        return this::checked;
    }

    private Mono<ClientResponse> checked(ClientRequest request, ExchangeFunction next) {
        return next.exchange(request).flatMap(response -> {
            MediaType type = response.headers().contentType().orElse(null);
            if (type != null && MediaType.TEXT_EVENT_STREAM.isCompatibleWith(type)) {
                check(request, response, null);
                return Mono.just(response);
            }
            return DataBufferUtils.join(response.bodyToFlux(DataBuffer.class))
                    .map(ApiContract::bytes)
                    .defaultIfEmpty(new byte[0])
                    .map(body -> {
                        check(request, response, body);
                        return response.mutate()
                                .body(Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(body)))
                                .build();
                    });
        });
    }

    private void check(ClientRequest request, ClientResponse response, byte[] body) {
        var answer = SimpleResponse.Builder.status(response.statusCode().value());
        response.headers().asHttpHeaders().forEach(answer::withHeader);
        if (body != null && body.length > 0) {
            answer.withBody(body);
        }
        ValidationReport report = validator.validateResponse(request.url().getRawPath(),
                Request.Method.valueOf(request.method().name()), answer.build());
        if (report.hasErrors()) {
            throw new AssertionError("The answer " + response.statusCode() + " to " + request.method() + " "
                    + request.url().getRawPath() + " is not what the API document says:\n"
                    + SimpleValidationReportFormat.getInstance().apply(report)
                    + (body == null ? "" : "\nbody: " + new String(body, java.nio.charset.StandardCharsets.UTF_8))
                    + "\nheaders: " + response.headers().asHttpHeaders().getFirst(HttpHeaders.CONTENT_TYPE));
        }
    }

    private static byte[] bytes(DataBuffer buffer) {
        byte[] bytes = new byte[buffer.readableByteCount()];
        buffer.read(bytes);
        DataBufferUtils.release(buffer);
        return bytes;
    }
}
