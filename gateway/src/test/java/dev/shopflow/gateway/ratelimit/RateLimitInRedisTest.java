package dev.shopflow.gateway.ratelimit;

import static dev.shopflow.gateway.FakeServices.clientFrom;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With {@code spring.data.redis.url} set the counters live in Redis (as {@link TestRedis} finds one), where every
 * gateway instance shares them. Each run counts under a key prefix of its own, so that runs at the same time do not
 * spend each other's budgets; Redis drops the keys once their buckets would be full again.
 */
@EnabledIf(value = "dev.shopflow.gateway.ratelimit.TestRedis#available",
        disabledReason = "no Redis: set SHOPFLOW_REDIS_URL, run redis-server on 127.0.0.1:6379, or start Docker")
class RateLimitInRedisTest extends RateLimitContract {

    private static final String KEY_PREFIX = "gateway-test-" + UUID.randomUUID();

    @Autowired
    ReactiveStringRedisTemplate redis;

    @DynamicPropertySource
    static void countInTheLocalRedisUnderAPrefixOfThisRun(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.url", TestRedis::url);
        registry.add("shopflow.gateway.rate-limit.key-prefix", () -> KEY_PREFIX);
    }

    @Test
    void keepsTheCountersInRedis() {
        spend(clientFrom("127.0.0.18", port), 1);

        assertThat(redis.keys("*" + KEY_PREFIX + ":api:address:127.0.0.18*").collectList().block()).isNotEmpty();
    }
}
