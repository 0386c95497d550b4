package dev.shopflow.platform.tracing;

import io.micrometer.context.ContextSnapshotFactory;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * Log lines written from inside a reactive chain that carry the trace of the request they belong to, whether or not
 * Reactor restores thread-locals around every operator ({@code spring.reactor.context-propagation: auto}). With
 * {@code limited} — the gateway's setting, which saves it a fifth of its CPU (docs/performance.md) — the trace id
 * and span id reach the log's MDC only where the Observation kept in the Reactor context is put back in scope for the
 * duration of the logging, which is what this does.
 */
public final class TracedLogging {

    private static final ContextSnapshotFactory SNAPSHOTS = ContextSnapshotFactory.builder().build();

    private TracedLogging() {
    }

    /**
     * Runs {@code logging} with the request's trace in scope (read from the subscriber's Reactor context), then
     * continues with what {@code next} supplies.
     */
    public static <T> Mono<T> logThen(Runnable logging, Supplier<Mono<T>> next) {
        return Mono.deferContextual(context -> {
            try (var scope = SNAPSHOTS.setThreadLocalsFrom(context, ObservationThreadLocalAccessor.KEY)) {
                logging.run();
            }
            return next.get();
        });
    }
}
