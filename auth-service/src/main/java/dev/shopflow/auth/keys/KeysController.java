package dev.shopflow.auth.keys;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.List;
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
@Tag(name = "Keys", description = "The keys that sign access tokens")
class KeysController {

    private static final String JWK_SET_JSON = "application/jwk-set+json";

    private final SigningKeys keys;

    KeysController(SigningKeys keys) {
        this.keys = keys;
    }

    /**
     * @param signingKeyId    the {@code kid} of the key that signs from now on
     * @param publishedKeyIds every key published in the JWKS, the new one among them
     */
    @Schema(name = "RotatedKeys")
    record RotatedKeysResponse(String signingKeyId, List<String> publishedKeyIds) {
    }

    /**
     * Every published public key, each with its {@code kid}; services cache the set (see platform's RemoteJwks).
     * Served as {@code application/jwk-set+json} (RFC 7517) and also as plain {@code application/json}, which many
     * client libraries ask for alone; with no preference stated, the JWK set type.
     */
    @GetMapping(value = "/.well-known/jwks.json", produces = {JWK_SET_JSON, MediaType.APPLICATION_JSON_VALUE})
    @Operation(operationId = "jwks", summary = "The public signing keys",
            description = "Every published public key (RFC 7517 JWK set), each with its kid. Cacheable for a minute.")
    @SecurityRequirements
    @ApiResponse(responseCode = "200", description = "The JWK set: {\"keys\": [each public key as an RFC 7517 JWK]}",
            content = {@Content(mediaType = JWK_SET_JSON, schema = @Schema(type = "object")),
                    @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(type = "object"))})
    @ApiResponse(responseCode = "406", description = "The client accepts neither JSON type")
    ResponseEntity<Map<String, Object>> jwks() {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(1)).cachePublic())
                .body(keys.current().published().toJSONObject(true));
    }

    /** A new key signs from now on; the previous one stays published until its tokens expire. Admin only. */
    @PostMapping("/api/auth/keys/rotate")
    @Operation(operationId = "rotateKeys", summary = "Rotate the signing key",
            description = "A new key signs from now on; the previous one stays published until its tokens expire. "
                    + "For administrators.")
    @ApiResponse(responseCode = "200", description = "The new signing key and every published key")
    @ApiResponse(responseCode = "403", description = "The caller is not an administrator")
    Mono<RotatedKeysResponse> rotate() {
        return keys.rotate().map(rotated -> new RotatedKeysResponse(rotated.signing().getKeyID(),
                rotated.published().getKeys().stream().map(key -> key.getKeyID()).toList()));
    }
}
