package dev.shopflow.auth.keys;

import java.time.Duration;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Publishes the public signing keys (RFC 7517) and lets an administrator rotate the key that signs. */
@RestController
class KeysController {

    private static final String JWK_SET_JSON = "application/jwk-set+json";

    private final SigningKeys keys;

    KeysController(SigningKeys keys) {
        this.keys = keys;
    }

    /**
     * Every published public key, each with its {@code kid}; services cache the set (see platform's RemoteJwks).
     * Served as {@code application/jwk-set+json} (RFC 7517) and also as plain {@code application/json}, which many
     * client libraries ask for alone; with no preference stated, the JWK set type.
     */
    @GetMapping(value = "/.well-known/jwks.json", produces = {JWK_SET_JSON, MediaType.APPLICATION_JSON_VALUE})
    ResponseEntity<Map<String, Object>> jwks() {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(1)).cachePublic())
                .body(keys.current().published().toJSONObject(true));
    }

    /** A new key signs from now on; the previous one stays published until its tokens expire. Admin only. */
    @PostMapping("/api/auth/keys/rotate")
    Mono<Map<String, Object>> rotate() {
        return keys.rotate().map(rotated -> Map.of(
                "signingKeyId", rotated.signing().getKeyID(),
                "publishedKeyIds", rotated.published().getKeys().stream().map(key -> key.getKeyID()).toList()));
    }
}
