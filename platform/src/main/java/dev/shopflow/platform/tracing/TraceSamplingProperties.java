package dev.shopflow.platform.tracing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many new traces a service records ({@code shopflow.tracing.sampling.*}), beside Spring Boot's
 * {@code management.tracing.sampling.probability}.
 *
 * @param tracesPerSecond at most this many new traces a second are recorded, whatever the probability says; 0 means
 *                        no limit. A trace that arrives sampled from upstream is always continued.
 */
@ConfigurationProperties("shopflow.tracing.sampling")
public record TraceSamplingProperties(@DefaultValue("10") int tracesPerSecond) {

    public TraceSamplingProperties {
        if (tracesPerSecond < 0) {
            throw new IllegalArgumentException("shopflow.tracing.sampling.traces-per-second must be 0 (no limit) or more, not "
                    + tracesPerSecond);
        }
    }
}
