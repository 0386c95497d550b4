package dev.shopflow.catalog.product.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;

/**
 * Answers to catalog reads that clients and caches may keep briefly and then revalidate. The ETag is a digest of
 * what the answer depends on — each product's id, version (which every change of its details raises) and
 * availability — so it changes exactly when the answer would. Spring answers a matching {@code If-None-Match}
 * with 304 and no body.
 */
final class CacheableReads {

    private final CacheControl cacheControl;

    CacheableReads(Duration maxAge) {
        // Public: the answer is the same for every caller, token or not.
        this.cacheControl = CacheControl.maxAge(maxAge).cachePublic();
    }

    /** A 200 with {@code body}, an ETag made from {@code fingerprint}, and {@code Cache-Control}. */
    <T> ResponseEntity<T> ok(T body, String fingerprint) {
        return ResponseEntity.ok().eTag(tag(fingerprint)).cacheControl(cacheControl).body(body);
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
