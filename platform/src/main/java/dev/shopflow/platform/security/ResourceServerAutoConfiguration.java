package dev.shopflow.platform.security;

import dev.shopflow.platform.web.ProblemResponses;
import dev.shopflow.platform.web.WebAutoConfiguration;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;

/**
 * The resource-server setup every service shares: requests carry an RS256 access token from the auth service,
 * checked here against its published keys, with problem-details answers when they don't. Infrastructure paths
 * (health, metrics, API docs) are public; a service adds its own rules as {@link AccessRules} beans; anything
 * else needs a valid token. Sessions, CSRF (no cookies are used), form and basic login are off. Health and metrics
 * are served on the management port only, where this same chain runs (WebFlux's management context uses the
 * application's web filters): a token presented there is checked, and health shows its details to role ADMIN only.
 */
@AutoConfiguration(
        after = WebAutoConfiguration.class,
        before = {ReactiveWebSecurityAutoConfiguration.class, ReactiveOAuth2ResourceServerAutoConfiguration.class,
                ReactiveUserDetailsServiceAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass({ServerHttpSecurity.class, ReactiveJwtDecoder.class})
@EnableWebFluxSecurity
@EnableConfigurationProperties(JwtProperties.class)
public class ResourceServerAutoConfiguration {

    /**
     * Paths anyone may request. {@code /.well-known/} documents (RFC 8615) are public by definition, so a path there
     * that nothing serves is a 404, not a 401.
     */
    static final String[] PUBLIC_INFRASTRUCTURE = {
            "/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus",
            "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/webjars/**", "/.well-known/**"};

    /** The auth service's published keys. The auth service itself declares a decoder over its own key store. */
    @Bean
    @ConditionalOnMissingBean
    ReactiveJwtDecoder jwtDecoder(JwtProperties properties, ObjectProvider<WebClient.Builder> clients) {
        var keys = new RemoteJwks(clients.getIfAvailable(WebClient::builder), properties, Clock.systemUTC());
        return JwtDecoding.decoder(properties, keys);
    }

    @Bean
    @ConditionalOnMissingBean(SecurityWebFilterChain.class)
    SecurityWebFilterChain shopflowSecurityFilterChain(ServerHttpSecurity http, ProblemResponses responses,
            ObjectProvider<AccessRules> serviceRules, ObjectProvider<SecurityChainCustomizer> customizers) {
        var answers = new ProblemSecurityAnswers(responses);
        http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .cors(Customizer.withDefaults())
                .headers(headers -> headers.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(answers).accessDeniedHandler(answers))
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(JwtDecoding.authentication()))
                        .authenticationEntryPoint(answers)
                        .accessDeniedHandler(answers))
                .authorizeExchange(exchanges -> {
                    exchanges.pathMatchers(PUBLIC_INFRASTRUCTURE).permitAll();
                    serviceRules.orderedStream().forEach(rules -> rules.configure(exchanges));
                    exchanges.anyExchange().authenticated();
                });
        customizers.orderedStream().forEach(customizer -> customizer.customize(http));
        return http.build();
    }

    /** Requests the security firewall refuses get a 400 problem, not an empty answer. */
    @Bean
    @ConditionalOnMissingBean
    ServerExchangeRejectedHandler problemForRejectedExchanges(ProblemResponses responses) {
        return new ProblemSecurityAnswers(responses);
    }

    @Bean
    WebFluxConfigurer authenticatedUserParameters() {
        return new WebFluxConfigurer() {
            @Override
            public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
                configurer.addCustomResolver(new AuthenticatedUserArgumentResolver());
            }
        };
    }

    /**
     * The caller comes from the access token, never from the request: an {@link AuthenticatedUser} parameter is not
     * one a client sends, so the API documents leave it out (springdoc would otherwise show it as a required query
     * parameter).
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(SpringDocUtils.class)
    static class CallerLeftOutOfApiDocuments {

        CallerLeftOutOfApiDocuments() {
            SpringDocUtils.getConfig().addRequestWrapperToIgnore(AuthenticatedUser.class);
        }
    }
}
