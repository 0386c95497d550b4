package dev.shopflow.platform.testsupport;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.SimpleValidationReportFormat;
import com.atlassian.oai.validator.report.ValidationReport;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One or more OpenAPI documents as a check on a service's answers: every answer to a request for an operation a
 * document describes must have a status the operation documents, the documented content type, a body that fits the
 * schema and the documented headers. Requests are not checked (tests send wrong requests on purpose); answers to
 * paths no document describes (actuator, unknown paths, the documents themselves) pass unchecked, and so does the
 * body of an event stream.
 */
public final class ApiContract {

    /** What the HTTP server answers itself, before routing: 414 URI Too Long, 431 Request Header Fields Too Large. */
    private static final java.util.Set<Integer> SERVER_REFUSALS = java.util.Set.of(414, 431);

    /** Where every Shopflow service serves its document. */
    public static final String DOCUMENT_PATH = "/v3/api-docs";

    private static final Map<String, OpenApiInteractionValidator> BY_DOCUMENT = new ConcurrentHashMap<>();

    private final List<OpenApiInteractionValidator> validators;

    private ApiContract(List<OpenApiInteractionValidator> validators) {
        this.validators = validators;
    }

    /** The contract of these OpenAPI documents (JSON); each document is parsed once per test JVM. */
    public static ApiContract of(String... documents) {
        return new ApiContract(java.util.Arrays.stream(documents)
                .map(document -> BY_DOCUMENT.computeIfAbsent(document, ApiContract::validator))
                .toList());
    }

    private static OpenApiInteractionValidator validator(String document) {
        return OpenApiInteractionValidator.createForInlineApiSpecification(document)
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.request", ValidationReport.Level.IGNORE)
                        .withLevel("validation.response.path.missing", ValidationReport.Level.IGNORE)
                        .build())
                .build();
    }

    /** A filter for a test's client that fails the exchange with an {@link AssertionError} on an answer off contract. */
    public ExchangeFilterFunction checksAnswers() {
        return (request, next) -> checked(this, request, next);
    }

    /**
     * A filter that checks every answer against the document the server itself serves at {@value #DOCUMENT_PATH},
     * fetched once, with the first request, through the same client; a server that serves no document there has its
     * answers pass unchecked. Every test's auto-configured {@link WebTestClient} has it ({@link
     * ApiContractAutoConfiguration}).
     */
    public static ExchangeFilterFunction checksAnswersAgainstTheServedDocument() {
        var contract = new AtomicReference<Mono<Optional<ApiContract>>>();
        return (request, next) -> {
            if (request.url().getPath().startsWith(DOCUMENT_PATH)) {
                return next.exchange(request);
            }
            Mono<Optional<ApiContract>> served = contract.updateAndGet(known -> known != null ? known
                    : servedDocument(request, next).cache());
            return served.flatMap(found -> found.isPresent()
                    ? checked(found.get(), request, next)
                    : next.exchange(request));
        };
    }

    private static Mono<Optional<ApiContract>> servedDocument(ClientRequest original, ExchangeFunction next) {
        URI document = UriComponentsBuilder.fromUri(original.url()).replacePath(DOCUMENT_PATH).replaceQuery(null)
                .build(true).toUri();
        var request = ClientRequest.create(HttpMethod.GET, document)
                .header(WebTestClient.WEBTESTCLIENT_REQUEST_ID, UUID.randomUUID().toString())
                .header(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE)
                .build();
        return next.exchange(request).flatMap(response -> response.statusCode().is2xxSuccessful()
                ? response.bodyToMono(String.class).map(body -> Optional.of(ApiContract.of(body)))
                : response.releaseBody().thenReturn(Optional.<ApiContract>empty()))
                .defaultIfEmpty(Optional.empty());
    }

    private static Mono<ClientResponse> checked(ApiContract contract, ClientRequest request, ExchangeFunction next) {
        return next.exchange(request).flatMap(response -> {
            MediaType type = response.headers().contentType().orElse(null);
            if (type != null && MediaType.TEXT_EVENT_STREAM.isCompatibleWith(type)) {
                contract.check(request.method().name(), request.url().getRawPath(), response.statusCode().value(),
                        response.headers().asHttpHeaders(), null);
                return Mono.just(response);
            }
            return DataBufferUtils.join(response.bodyToFlux(DataBuffer.class))
                    .map(ApiContract::bytes)
                    .defaultIfEmpty(new byte[0])
                    .map(body -> {
                        contract.check(request.method().name(), request.url().getRawPath(),
                                response.statusCode().value(), response.headers().asHttpHeaders(), body);
                        return response.mutate()
                                .body(Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(body)))
                                .build();
                    });
        });
    }

    /**
     * Checks one answer, however it was obtained.
     *
     * @param body the answer's body, {@code null} when it is not read (an event stream)
     * @throws AssertionError when a document describes the operation and the answer is not what it says
     */
    public void check(String method, String rawPath, int status, HttpHeaders headers, byte[] body) {
        if (SERVER_REFUSALS.contains(status)) {
            // Answered by the HTTP server before any operation is chosen (platform's ServerRefusalProblems): a
            // request line or headers too long to read. No operation's document speaks for it; it must be a problem.
            var type = headers.getContentType();
            if (type == null || !MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(type)) {
                throw new AssertionError("The server's own refusal " + status + " to " + method + " " + rawPath
                        + " is not an application/problem+json answer: " + type);
            }
            return;
        }
        var answer = SimpleResponse.Builder.status(status);
        headers.forEach(answer::withHeader);
        if (body != null && body.length > 0) {
            answer.withBody(body);
        }
        SimpleResponse response = answer.build();
        for (OpenApiInteractionValidator validator : validators) {
            ValidationReport report = validator.validateResponse(rawPath, Request.Method.valueOf(method), response);
            if (body == null) {
                // An event stream is checked by its status and headers; its body is never read to an end here.
                report = ValidationReport.from(report.getMessages().stream()
                        .filter(message -> !message.getKey().equals("validation.response.body.missing"))
                        .toList());
            }
            if (report.hasErrors()) {
                throw new AssertionError("The answer " + status + " to " + method + " " + rawPath
                        + " is not what the API document says:\n"
                        + SimpleValidationReportFormat.getInstance().apply(report)
                        + (body == null ? "" : "\nbody: " + new String(body, StandardCharsets.UTF_8))
                        + "\ncontent type: " + headers.getFirst(HttpHeaders.CONTENT_TYPE));
            }
        }
    }

    private static byte[] bytes(DataBuffer buffer) {
        byte[] bytes = new byte[buffer.readableByteCount()];
        buffer.read(bytes);
        DataBufferUtils.release(buffer);
        return bytes;
    }
}
