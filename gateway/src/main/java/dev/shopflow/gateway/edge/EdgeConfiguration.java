package dev.shopflow.gateway.edge;

import dev.shopflow.gateway.GatewayProperties;
import dev.shopflow.gateway.ratelimit.RateLimitGatewayFilterFactory;
import dev.shopflow.gateway.storefront.StorefrontPolicy;
import dev.shopflow.platform.web.ProblemResponses;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/** The filters every request and answer at the edge passes, in the order their {@code getOrder()} gives. */
@Configuration(proxyBeanMethods = false)
class EdgeConfiguration {

    /** Headers a browser script may send beyond the always-allowed ones. */
    private static final List<String> REQUEST_HEADERS = List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE,
            HttpHeaders.IF_MATCH, HttpHeaders.IF_NONE_MATCH, "Idempotency-Key", RequestIdFilter.HEADER);

    /** Headers of an answer a browser script may read beyond the always-readable ones. */
    private static final List<String> ANSWER_HEADERS = List.of(HttpHeaders.LOCATION, HttpHeaders.ETAG,
            HttpHeaders.RETRY_AFTER, HttpHeaders.WWW_AUTHENTICATE, RequestIdFilter.HEADER,
            RateLimitGatewayFilterFactory.LIMIT_HEADER, RateLimitGatewayFilterFactory.REMAINING_HEADER);

    @Bean
    RequestIdFilter requestIdFilter() {
        return new RequestIdFilter();
    }

    @Bean
    RequestSizeLimitFilter requestSizeLimitFilter(GatewayProperties properties, ProblemResponses responses) {
        return new RequestSizeLimitFilter(properties.maxRequestSize(), responses);
    }

    @Bean
    SecurityHeadersFilter securityHeadersFilter(StorefrontPolicy storefront) {
        return new SecurityHeadersFilter(storefront);
    }

    @Bean
    ForwardedForHeaderFilter forwardedForHeaderFilter() {
        return new ForwardedForHeaderFilter();
    }

    /**
     * Which browser origins may call the API. Bearer tokens travel in a header, not in cookies, so credentials are
     * not allowed: that also makes {@code *} a safe choice for a public API.
     */
    @Bean
    CorsConfigurationSource corsConfigurationSource(GatewayProperties properties) {
        var cors = new CorsConfiguration();
        cors.setAllowedOrigins(properties.cors().allowedOrigins());
        cors.setAllowedMethods(List.of(HttpMethod.GET.name(), HttpMethod.HEAD.name(), HttpMethod.POST.name(),
                HttpMethod.PUT.name(), HttpMethod.PATCH.name(), HttpMethod.DELETE.name()));
        cors.setAllowedHeaders(REQUEST_HEADERS);
        cors.setExposedHeaders(ANSWER_HEADERS);
        cors.setAllowCredentials(false);
        cors.setMaxAge(properties.cors().maxAge());
        var source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        return source;
    }

    /** Before security, so that a preflight request, which never carries a token, is answered rather than refused. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 30)
    CorsWebFilter corsWebFilter(CorsConfigurationSource corsConfigurationSource) {
        return new CorsWebFilter(corsConfigurationSource);
    }
}
