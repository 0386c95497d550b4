package dev.shopflow.platform.tracing;

import io.micrometer.context.ContextSnapshotFactory;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * Log lines written from inside a reactive chain that carry the trace of the request or event they belong to.
 * Shopflow runs Reactor with {@code spring.reactor.context-propagation: limited} (platform's default): restoring every
 * thread-local around every Reactor signal ({@code auto}) cost each service a sixth to a fifth of its CPU
 * (docs/performance.md). So a log call in {@code doOnNext} or {@code flatMap} finds no trace in the log's MDC; the
 * trace id and span id get there only where the Observation kept in the Reactor context is put back in scope for the
 * duration of the logging, which is what this does. Log lines written on a thread that has the trace in scope (a
 * blocking listener, a {@code handle} operator) need nothing.
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

    /**
     * A Mono that runs {@code logging} with the trace of its subscriber in scope and completes empty: for a log line
     * after a step ({@code .then(log(...))}) or about a value ({@code .delayUntil(value -> log(...))}).
     */
    public static Mono<Void> log(Runnable logging) {
        return logThen(logging, Mono::empty);
    }
}
