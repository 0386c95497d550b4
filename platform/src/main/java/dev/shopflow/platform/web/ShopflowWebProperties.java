package dev.shopflow.platform.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How a Shopflow server faces its clients ({@code shopflow.web.*}), the gateway and every service alike.
 *
 * @param trustedProxies the proxies whose {@code X-Forwarded-For} names the client ({@link ClientAddress}):
 *                       addresses or CIDR networks; none by default, so a client's own header is never believed.
 *                       Behind the gateway, a service lists the gateway's address and nothing else.
 * @param timeouts       how long a slow or silent client may hold a connection
 */
@Validated
@ConfigurationProperties("shopflow.web")
public record ShopflowWebProperties(
        @DefaultValue List<String> trustedProxies,
        @DefaultValue @Valid @NotNull Timeouts timeouts) {

    public ShopflowWebProperties {
        trustedProxies = List.copyOf(trustedProxies);
        TrustedProxies.of(trustedProxies);
    }

    /** The trusted proxies, parsed. */
    public TrustedProxies proxies() {
        return TrustedProxies.of(trustedProxies);
    }

    /**
     * How long the server waits for a client ({@link ServerTimeouts}). None of them limits how long an answer may
     * take or stream: an event stream stays open for as long as its handler keeps it.
     *
     * @param idle    a connection with no complete request head (a new one, a kept-alive one between requests, one
     *                whose headers stopped half-way or trickle in byte by byte) is closed after this
     * @param read    while a request's body arrives, the longest silence between two reads; then 408
     * @param request the longest a request's body may take to arrive in full, however it trickles in; then 408
     */
    public record Timeouts(
            @DefaultValue("30s") @NotNull Duration idle,
            @DefaultValue("10s") @NotNull Duration read,
            @DefaultValue("30s") @NotNull Duration request) {

        public Timeouts {
            requirePositive("idle", idle);
            requirePositive("read", read);
            requirePositive("request", request);
        }

        private static void requirePositive(String name, Duration value) {
            if (value != null && (value.isNegative() || value.isZero())) {
                throw new IllegalArgumentException("shopflow.web.timeouts." + name + " must be positive, not " + value);
            }
        }
    }
}
