package dev.shopflow.auth.token;

import dev.shopflow.auth.AuthProperties;
import dev.shopflow.auth.account.Accounts;
import dev.shopflow.auth.keys.SigningKeys;
import dev.shopflow.auth.token.persistence.LoginThrottleRepository;
import dev.shopflow.auth.token.persistence.RefreshTokenRepository;
import dev.shopflow.platform.security.JwtProperties;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

@Configuration(proxyBeanMethods = false)
class TokenConfiguration {

    @Bean
    LoginThrottle loginThrottle(LoginThrottleRepository counts, TransactionalOperator transactions,
            AuthProperties properties, Clock clock) {
        return new LoginThrottle(counts, transactions, properties.lockout(), clock);
    }

    @Bean
    Tokens tokens(Accounts accounts, RefreshTokenRepository refreshTokens, SigningKeys keys, JwtProperties jwt,
            LoginThrottle throttle, TransactionalOperator transactions, AuthProperties properties, Clock clock,
            MeterRegistry meters) {
        var accessTokens = new AccessTokens(keys, jwt, properties.accessTokenLifetime(), properties.clientId(), clock);
        return new Tokens(accounts, refreshTokens, accessTokens, throttle, transactions,
                properties.refreshTokenLifetime(), clock, meters);
    }

    @Bean
    Housekeeping tokenHousekeeping(LoginThrottle throttle, RefreshTokenRepository refreshTokens, Clock clock) {
        return new Housekeeping(throttle, refreshTokens, clock);
    }

    /** Keeps the throttle and token tables small: forgotten failures, long-unused addresses and long-expired tokens go. */
    record Housekeeping(LoginThrottle throttle, RefreshTokenRepository refreshTokens, Clock clock) {

        @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
        Mono<Void> tidy() {
            return throttle.forgetExpired()
                    .then(refreshTokens.deleteExpired(clock.instant().minus(Duration.ofDays(1))))
                    .then();
        }
    }
}
