package dev.shopflow.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Caffeine;
import dev.shopflow.gateway.GatewayProperties;
import dev.shopflow.gateway.GatewayProperties.Policy;
import io.github.bucket4j.caffeine.Bucket4jCaffeine;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import java.time.Duration;
import java.util.Map;
import org.springframework.cloud.gateway.filter.ratelimit.Bucket4jRateLimiter;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.cloud.gateway.support.ConfigurationService;
import reactor.core.publisher.Mono;

/**
 * Counts a client's requests against the named policies, with Spring Cloud Gateway's {@link RedisRateLimiter}
 * (shared by every gateway instance) or its {@link Bucket4jRateLimiter} (in this instance's memory).
 *
 * <p>Both count in tokens that refill every second, because Redis's limiter cannot refill more slowly than that.
 * A policy of {@code requests} per {@code per} seconds therefore refills {@code requests} tokens a second and charges
 * {@code per} tokens a request; its bucket holds {@code burst} requests' worth.
 */
final class RateLimits {

    /** The header in which both limiters report the tokens left. */
    private static final String TOKENS_LEFT = RedisRateLimiter.REMAINING_HEADER;

    /** Buckets of clients that have gone quiet are dropped once they would be full again, plus this margin. */
    private static final Duration IDLE_BUCKET_KEPT = Duration.ofSeconds(10);
    private static final long MAX_BUCKETS_IN_MEMORY = 100_000;

    private final RateLimiter<?> limiter;
    private final Map<String, Policy> policies;
    private final String keyPrefix;

    private RateLimits(RateLimiter<?> limiter, GatewayProperties.RateLimit settings) {
        this.limiter = limiter;
        this.policies = Map.copyOf(settings.policies());
        this.keyPrefix = settings.keyPrefix();
    }

    static RateLimits inRedis(RedisRateLimiter limiter, GatewayProperties.RateLimit settings) {
        settings.policies().forEach((name, policy) -> limiter.getConfig().put(name, new RedisRateLimiter.Config()
                .setReplenishRate(policy.requests())
                .setBurstCapacity(policy.burst() * tokensPerRequest(policy))
                .setRequestedTokens((int) tokensPerRequest(policy))));
        return new RateLimits(limiter, settings);
    }

    static RateLimits inMemory(ConfigurationService configurationService, GatewayProperties.RateLimit settings) {
        var buckets = Bucket4jCaffeine.<String>builderFor(Caffeine.newBuilder().maximumSize(MAX_BUCKETS_IN_MEMORY))
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(IDLE_BUCKET_KEPT))
                .build()
                .asAsync();
        var limiter = new Bucket4jRateLimiter(buckets, configurationService);
        settings.policies().forEach((name, policy) -> limiter.getConfig().put(name, new Bucket4jRateLimiter.Config()
                .setCapacity(policy.burst() * tokensPerRequest(policy))
                .setRefillTokens((long) policy.requests())
                .setRefillPeriod(Duration.ofSeconds(1))
                .setRequestedTokens(tokensPerRequest(policy))));
        return new RateLimits(limiter, settings);
    }

    /** The names of the configured policies. */
    java.util.Set<String> policyNames() {
        return policies.keySet();
    }

    boolean knows(String policy) {
        return policies.containsKey(policy);
    }

    /**
     * Takes one request from the client's budget under the policy. The decision's {@code remaining} is -1 when the
     * store could not tell (Redis unreachable: the request is then let through, since an outage of the counter must
     * not become an outage of the shop).
     */
    Mono<Decision> consume(String policyName, String client) {
        Policy policy = policies.get(policyName);
        return limiter.isAllowed(policyName, keyPrefix + ":" + policyName + ":" + client)
                .map(response -> new Decision(response.isAllowed(), policy, remainingRequests(response, policy)));
    }

    private static long remainingRequests(RateLimiter.Response response, Policy policy) {
        String tokens = response.getHeaders().get(TOKENS_LEFT);
        long left = tokens == null ? -1 : Long.parseLong(tokens);
        return left < 0 ? -1 : left / tokensPerRequest(policy);
    }

    private static long tokensPerRequest(Policy policy) {
        return policy.per().toSeconds();
    }

    /** Whether a request may pass, under which policy, and how many more the client may send right now. */
    record Decision(boolean allowed, Policy policy, long remaining) {
    }
}
