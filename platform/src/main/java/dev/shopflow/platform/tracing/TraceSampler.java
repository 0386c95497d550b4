package dev.shopflow.platform.tracing;

import brave.sampler.CountingSampler;
import brave.sampler.RateLimitingSampler;
import brave.sampler.Sampler;

/**
 * Decides whether a new trace is recorded: first by probability, then under a rate limit, so that a demo records
 * every checkout while a load test costs at most the limit's worth of spans a second, however high the rate. Only
 * traces that start here are decided: one that arrives with a sampling decision (a {@code traceparent} from the
 * gateway, a Kafka record, an outbox row) keeps it, so a checkout is recorded whole or not at all.
 */
public final class TraceSampler extends Sampler {

    private final Sampler probability;
    private final Sampler rateLimit;
    private final String description;

    private TraceSampler(Sampler probability, Sampler rateLimit, String description) {
        this.probability = probability;
        this.rateLimit = rateLimit;
        this.description = description;
    }

    /**
     * @param probability     the share of new traces to record, 0.0 to 1.0
     * @param tracesPerSecond at most this many recorded a second; 0 for no limit
     */
    public static TraceSampler of(double probability, int tracesPerSecond) {
        if (probability < 0 || probability > 1) {
            throw new IllegalArgumentException("The sampling probability is between 0.0 and 1.0, not " + probability);
        }
        Sampler byProbability = probability == 1.0 ? Sampler.ALWAYS_SAMPLE : CountingSampler.create((float) probability);
        Sampler byRate = tracesPerSecond == 0 ? Sampler.ALWAYS_SAMPLE : RateLimitingSampler.create(tracesPerSecond);
        return new TraceSampler(byProbability, byRate, "probability " + probability + ", at most "
                + (tracesPerSecond == 0 ? "unlimited" : tracesPerSecond) + " traces/s");
    }

    @Override
    public boolean isSampled(long traceId) {
        // The rate limiter spends a permit on every question: ask it only for traces the probability keeps.
        return probability.isSampled(traceId) && rateLimit.isSampled(traceId);
    }

    @Override
    public String toString() {
        return "TraceSampler(" + description + ")";
    }
}
