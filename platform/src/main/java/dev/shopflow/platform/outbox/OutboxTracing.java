package dev.shopflow.platform.outbox;

import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * How the outbox carries a trace across Kafka: the W3C trace context of the request that appended an event is
 * stored with it, and the relay publishes the event under a producer span that continues that trace, so the
 * consumer's span joins it too (one checkout is one trace). {@link #NONE} when the service has no tracer.
 */
public interface OutboxTracing {

    /** No tracer: nothing is captured, nothing is added to records. */
    OutboxTracing NONE = new OutboxTracing() {
        @Override
        public Mono<Map<String, String>> capture() {
            return Mono.just(Map.of());
        }

        @Override
        public Publication startPublishing(String name, Map<String, String> stored) {
            return new Publication(stored, error -> { });
        }
    };

    /** The current trace context as record headers ({@code traceparent}, {@code tracestate}); empty when there is none. */
    Mono<Map<String, String>> capture();

    /**
     * Starts the span of one event's publication, continuing the trace in {@code stored} (or a new one).
     *
     * @return the headers to put on the record, and how to end the span
     */
    Publication startPublishing(String name, Map<String, String> stored);

    /** A publication in progress: its trace headers, ended with the failure or {@code null}. */
    record Publication(Map<String, String> headers, java.util.function.Consumer<Throwable> end) {
    }
}
