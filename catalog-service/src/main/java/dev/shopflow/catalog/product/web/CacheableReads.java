package dev.shopflow.catalog.product.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.server.ServerWebExchange;

/**
 * Answers to catalog reads that clients and caches may keep briefly and then revalidate. The ETag is a digest of
 * what the answer depends on — each product's id, version (which every change of its details raises) and
 * availability — so it changes exactly when the answer would. Spring answers a matching {@code If-None-Match}
 * with 304 and no body; {@code If-None-Match: *} ("unless you have it at all") gets the 304 here, since whatever is
 * read exists (RFC 9110 §13.1.2).
 */
final class CacheableReads {

    private final CacheControl cacheControl;

    CacheableReads(Duration maxAge) {
        // Public: the answer is the same for every caller, token or not.
        this.cacheControl = CacheControl.maxAge(maxAge).cachePublic();
    }

    /**
     * A 200 with {@code body}, an ETag made from {@code fingerprint}, and {@code Cache-Control}; a 304 without the
     * body when the request says {@code If-None-Match: *}.
     */
    <T> ResponseEntity<T> ok(ServerWebExchange exchange, T body, String fingerprint) {
        if (asksUnlessAnyExists(exchange)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(tag(fingerprint)).cacheControl(cacheControl)
                    .build();
        }
        return ResponseEntity.ok().eTag(tag(fingerprint)).cacheControl(cacheControl).body(body);
    }

    private static boolean asksUnlessAnyExists(ServerWebExchange exchange) {
        return exchange.getRequest().getHeaders().getOrEmpty(HttpHeaders.IF_NONE_MATCH).stream()
                .anyMatch(value -> value.strip().equals("*"));
    }

    static String tag(String fingerprint) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(fingerprint.getBytes(StandardCharsets.UTF_8));
            return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
