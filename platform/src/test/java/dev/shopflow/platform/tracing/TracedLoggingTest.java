package dev.shopflow.platform.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.context.Context;

/**
 * With Reactor's {@code limited} context propagation (platform's default) nothing puts the request's observation on
 * the thread a log line runs on, except TracedLogging, and only for the duration of the logging.
 */
class TracedLoggingTest {

    private final ObservationRegistry registry = ObservationRegistry.create();
    private final Observation request;

    TracedLoggingTest() {
        registry.observationConfig().observationHandler(context -> true);
        request = Observation.start("request", registry);
    }

    @Test
    void logsWithTheObservationOfItsSubscriberInScopeOnAnotherThread() {
        var inScope = new AtomicReference<Observation>();
        var afterwards = new AtomicReference<Observation>();

        Mono.delay(java.time.Duration.ofMillis(1), Schedulers.parallel())
                .then(TracedLogging.log(() -> inScope.set(registry.getCurrentObservation())))
                .then(Mono.fromRunnable(() -> afterwards.set(registry.getCurrentObservation())))
                .contextWrite(Context.of(ObservationThreadLocalAccessor.KEY, request))
                .block();

        assertThat(inScope.get()).isSameAs(request);
        assertThat(afterwards.get()).as("the scope is closed after the logging").isNull();
    }

    @Test
    void continuesWithWhatFollowsTheLogging() {
        var logged = new AtomicReference<Observation>();

        String answer = TracedLogging.logThen(() -> logged.set(registry.getCurrentObservation()), () -> Mono.just("next"))
                .contextWrite(Context.of(ObservationThreadLocalAccessor.KEY, request))
                .block();

        assertThat(answer).isEqualTo("next");
        assertThat(logged.get()).isSameAs(request);
    }

    @Test
    void logsWithoutATraceWhenTheChainHasNone() {
        var inScope = new AtomicReference<Observation>(request);

        TracedLogging.log(() -> inScope.set(registry.getCurrentObservation())).block();

        assertThat(inScope.get()).isNull();
    }
}
