package dev.shopflow.auth.keys;

import dev.shopflow.auth.AuthProperties;
import dev.shopflow.platform.security.JwtDecoding;
import dev.shopflow.platform.security.JwtProperties;
import java.time.Clock;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The auth service checks its own tokens against its own key store (every other service fetches the JWKS), with
 * the same rules as every service: platform's {@link JwtDecoding}.
 */
@Configuration(proxyBeanMethods = false)
class KeysConfiguration {

    @Bean
    SigningKeys signingKeys(DatabaseClient database, TransactionalOperator transactions, AuthProperties properties,
            JwtProperties jwt, Clock clock) {
        return new SigningKeys(database, transactions, properties, jwt.clockSkew(), clock);
    }

    @Bean
    ReactiveJwtDecoder jwtDecoder(JwtProperties jwt, SigningKeys keys) {
        return JwtDecoding.decoder(jwt, keys);
    }

    /** Keys are loaded (or made) before the service reports ready, so the first sign-in finds them. */
    @Bean
    @Order(0)
    ApplicationRunner loadSigningKeys(SigningKeys keys) {
        return arguments -> keys.load().block();
    }

    /** Picks up a rotation made by another instance and lets retired keys drop out of the published set. */
    @Bean
    KeyRefresh keyRefresh(SigningKeys keys) {
        return new KeyRefresh(keys);
    }

    record KeyRefresh(SigningKeys keys) {

        @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
        Mono<Void> reload() {
            return keys.load().then();
        }
    }
}
