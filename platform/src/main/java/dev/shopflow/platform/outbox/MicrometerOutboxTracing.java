package dev.shopflow.platform.outbox;

import io.micrometer.observation.Observation;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.TracingObservationHandler;
import io.micrometer.tracing.propagation.Propagator;
import java.util.LinkedHashMap;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * {@link OutboxTracing} with Micrometer Tracing. The request's span is found through the Observation that WebFlux
 * keeps in the Reactor context (thread-locals do not follow a reactive transaction across threads), or else the
 * tracer's current span (a blocking listener).
 */
public class MicrometerOutboxTracing implements OutboxTracing {

    private final Tracer tracer;
    private final Propagator propagator;

    public MicrometerOutboxTracing(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    @Override
    public Mono<Map<String, String>> capture() {
        return Mono.deferContextual(context -> {
            Observation observation = context.getOrDefault(ObservationThreadLocalAccessor.KEY, null);
            Span span = spanOf(observation);
            if (span == null) {
                span = tracer.currentSpan();
            }
            var headers = new LinkedHashMap<String, String>();
            if (span != null) {
                propagator.inject(span.context(), headers, Map::put);
            }
            return Mono.just(Map.copyOf(headers));
        });
    }

    @Override
    public Publication startPublishing(String name, Map<String, String> stored) {
        Span.Builder builder = stored.isEmpty() ? tracer.spanBuilder() : propagator.extract(stored, Map::get);
        Span span = builder.name(name).kind(Span.Kind.PRODUCER).start();
        var headers = new LinkedHashMap<String, String>();
        propagator.inject(span.context(), headers, Map::put);
        return new Publication(Map.copyOf(headers), error -> {
            if (error != null) {
                span.error(error);
            }
            span.end();
        });
    }

    private static Span spanOf(Observation observation) {
        if (observation == null || observation.isNoop()) {
            return null;
        }
        TracingObservationHandler.TracingContext tracing =
                observation.getContextView().get(TracingObservationHandler.TracingContext.class);
        return tracing == null ? null : tracing.getSpan();
    }
}
