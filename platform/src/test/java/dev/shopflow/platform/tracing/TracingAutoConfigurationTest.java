package dev.shopflow.platform.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import brave.Tracing;
import brave.sampler.Sampler;
import com.sun.net.httpserver.HttpServer;
import dev.shopflow.platform.config.ShopflowDefaults;
import dev.shopflow.platform.testsupport.SpanCollector;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import zipkin2.reporter.brave.AsyncZipkinSpanHandler;

/**
 * What a service that traces with Brave gets from platform: the sampling defaults, and export to Zipkin exactly when
 * {@code ZIPKIN_ENDPOINT} is set — in the background, so that neither a missing nor a slow Zipkin touches a request.
 */
@ExtendWith(OutputCaptureExtension.class)
class TracingAutoConfigurationTest {

    /** A service's context as far as tracing goes, with platform's defaults and switch applied as at start-up. */
    private final ApplicationContextRunner service = new ApplicationContextRunner()
            .withInitializer(context -> {
                new ShopflowDefaults().postProcessEnvironment(context.getEnvironment(), null);
                new ZipkinExportSwitch().postProcessEnvironment(context.getEnvironment(), null);
            })
            .withPropertyValues("spring.application.name=test-service")
            .withConfiguration(AutoConfigurations.of(TracingAutoConfiguration.class,
                    org.springframework.boot.micrometer.tracing.brave.autoconfigure.BraveAutoConfiguration.class,
                    org.springframework.boot.zipkin.autoconfigure.ZipkinAutoConfiguration.class,
                    org.springframework.boot.micrometer.tracing.brave.autoconfigure.zipkin.ZipkinWithBraveTracingAutoConfiguration.class));

    @Test
    void recordsEveryTraceAtADemosPaceButAtMostTenASecondUnderLoad() {
        service.run(context -> {
            Sampler sampler = context.getBean(Sampler.class);
            assertThat(sampler).isInstanceOf(TraceSampler.class);

            // A person clicking: a new trace every 200 ms or more is always recorded (probability 1.0).
            var asked = new AtomicLong();
            var recorded = new AtomicLong();
            await().pollDelay(Duration.ofMillis(200)).pollInterval(Duration.ofMillis(200)).atMost(Duration.ofSeconds(30))
                    .until(() -> {
                        if (sampler.isSampled(asked.incrementAndGet())) {
                            recorded.incrementAndGet();
                        }
                        return asked.get() == 5;
                    });
            assertThat(recorded).hasValue(5);

            // A load test: asked as fast as it can for a second and a half, at most ten a second are recorded (the
            // window touches at most three of the limiter's seconds).
            long sampled = 0;
            long until = System.nanoTime() + Duration.ofMillis(1_500).toNanos();
            long questions = 0;
            while (System.nanoTime() < until) {
                questions++;
                if (sampler.isSampled(1_000 + questions)) {
                    sampled++;
                }
            }
            assertThat(questions).isGreaterThan(1_000);
            assertThat(sampled).isBetween(1L, 30L);
        });
    }

    @Test
    void withoutARateLimitTheProbabilityAloneDecides() {
        service.withPropertyValues("TRACING_SAMPLING_TRACES_PER_SECOND=0").run(context ->
                assertThat(LongStream.rangeClosed(1, 1_000).filter(context.getBean(Sampler.class)::isSampled).count())
                        .isEqualTo(1_000));
        service.withPropertyValues("TRACING_SAMPLING_TRACES_PER_SECOND=0", "TRACING_SAMPLING_PROBABILITY=0.0").run(context ->
                assertThat(LongStream.rangeClosed(1, 1_000).filter(context.getBean(Sampler.class)::isSampled).count())
                        .isZero());
    }

    @Test
    void aNegativeRateLimitStopsTheServiceFromStarting() {
        service.withPropertyValues("TRACING_SAMPLING_TRACES_PER_SECOND=-1").run(context ->
                assertThat(context).hasFailed());
    }

    @Test
    void withoutZipkinEndpointNothingIsExportedAndNothingComplains(CapturedOutput output) {
        service.withPropertyValues("TRACING_SAMPLING_TRACES_PER_SECOND=0").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getEnvironment().getProperty("management.tracing.export.zipkin.enabled")).isEqualTo("false");
            assertThat(context).doesNotHaveBean(AsyncZipkinSpanHandler.class);

            finishSpans(context.getBean(Tracing.class), 100);
        });

        assertThat(output.getAll()).doesNotContainIgnoringCase("zipkin").doesNotContain("WARN").doesNotContain("ERROR")
                .doesNotContain("Exception");
    }

    @Test
    void withZipkinEndpointSpansArriveAsZipkinV2Json() {
        try (var collector = SpanCollector.start()) {
            service.withPropertyValues("ZIPKIN_ENDPOINT=" + collector.endpoint()).run(context -> {
                var tracing = context.getBean(Tracing.class);
                var span = tracing.tracer().newTrace().name("checkout").start();
                span.finish();
                String traceId = span.context().traceIdString();

                await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(collector.trace(traceId))
                        .singleElement()
                        .satisfies(reported -> {
                            assertThat(reported.name()).isEqualTo("checkout");
                            assertThat(reported.serviceName()).isEqualTo("test-service");
                        }));
                assertThat(traceId).as("128-bit trace ids, as W3C trace context carries them").hasSize(32);
                assertThat(collector.refused()).isEmpty();
            });
        }
    }

    @Test
    void aZipkinThatNeverAnswersHoldsUpNoRequest() throws Exception {
        var neverAnswer = new CountDownLatch(1);
        var silent = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        silent.createContext("/api/v2/spans", exchange -> {
            try {
                neverAnswer.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        silent.start();
        try {
            service.withPropertyValues("TRACING_SAMPLING_TRACES_PER_SECOND=0",
                            "ZIPKIN_ENDPOINT=http://127.0.0.1:" + silent.getAddress().getPort() + "/api/v2/spans")
                    .run(context -> {
                        assertThat(context).hasSingleBean(AsyncZipkinSpanHandler.class);
                        long started = System.nanoTime();

                        finishSpans(context.getBean(Tracing.class), 5_000);

                        assertThat(Duration.ofNanos(System.nanoTime() - started))
                                .as("spans are queued (bounded) and sent in the background")
                                .isLessThan(Duration.ofSeconds(2));
                    });
        } finally {
            neverAnswer.countDown();
            silent.stop(0);
        }
    }

    private static void finishSpans(Tracing tracing, int count) {
        for (int i = 0; i < count; i++) {
            var span = tracing.tracer().newTrace().name("request " + i).start();
            span.tag("http.route", "/api/orders");
            span.finish();
        }
    }
}
