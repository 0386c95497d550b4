package dev.shopflow.gateway.ratelimit;

import dev.shopflow.gateway.GatewayProperties;
import dev.shopflow.platform.web.ProblemResponses;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.NoneNestedConditions;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.cloud.gateway.support.ConfigurationService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses where requests are counted: in Redis when {@code spring.data.redis.url} is set, so that several gateway
 * instances share one budget per client; otherwise in this instance's memory, and then the gateway never opens a
 * connection to Redis.
 */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    @Bean
    RateLimitGatewayFilterFactory rateLimitGatewayFilterFactory(RateLimits limits, ProblemResponses responses,
            MeterRegistry meters) {
        return new RateLimitGatewayFilterFactory(limits, responses, meters);
    }

    @Bean
    @ConditionalOnProperty("spring.data.redis.url")
    RateLimits rateLimitsInRedis(RedisRateLimiter limiter, GatewayProperties properties) {
        return RateLimits.inRedis(limiter, properties.rateLimit());
    }

    @Bean
    @Conditional(RedisNotConfigured.class)
    RateLimits rateLimitsInMemory(ConfigurationService configurationService, GatewayProperties properties) {
        return RateLimits.inMemory(configurationService, properties.rateLimit());
    }

    static class RedisNotConfigured extends NoneNestedConditions {

        RedisNotConfigured() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnProperty("spring.data.redis.url")
        static class RedisUrlSet {
        }
    }
}
