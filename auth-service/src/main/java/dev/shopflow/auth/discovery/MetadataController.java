package dev.shopflow.auth.discovery;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.shopflow.platform.security.JwtProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The authorization server's metadata (RFC 8414), so that a standard client configured with nothing but the issuer
 * URL finds the token endpoint and the keys that verify access tokens. Every URL in it is the issuer's — the
 * gateway's public address — followed by the path the gateway routes to this service.
 */
@RestController
@Tag(name = "Discovery", description = "Authorization-server metadata for standard OAuth clients (RFC 8414)")
class MetadataController {

    static final String PATH = "/.well-known/oauth-authorization-server";

    private final AuthorizationServerMetadata metadata;

    MetadataController(JwtProperties jwt) {
        String issuer = jwt.issuer().replaceAll("/+$", "");
        this.metadata = new AuthorizationServerMetadata(jwt.issuer(), issuer + "/api/auth/token",
                issuer + "/.well-known/jwks.json", List.of("password"), List.of(), List.of("none"),
                issuer + "/swagger-ui.html");
    }

    /**
     * RFC 8414 §2 members this issuer has. Sign-in is the only grant at the token endpoint (email and password, sent as
     * JSON; refreshing has an endpoint of its own), no authorization endpoint exists (so no response type), and
     * clients are public (no client authentication).
     */
    @Schema(name = "AuthorizationServerMetadata", description = "RFC 8414 authorization-server metadata")
    record AuthorizationServerMetadata(
            @Schema(description = "The issuer identifier: every access token's iss", example = "http://localhost:8080")
            String issuer,
            @JsonProperty("token_endpoint")
            @Schema(example = "http://localhost:8080/api/auth/token")
            String tokenEndpoint,
            @JsonProperty("jwks_uri")
            @Schema(description = "The keys that verify access tokens (RFC 7517)",
                    example = "http://localhost:8080/.well-known/jwks.json")
            String jwksUri,
            @JsonProperty("grant_types_supported") List<String> grantTypesSupported,
            @JsonProperty("response_types_supported") List<String> responseTypesSupported,
            @JsonProperty("token_endpoint_auth_methods_supported") List<String> tokenEndpointAuthMethodsSupported,
            @JsonProperty("service_documentation") String serviceDocumentation) {
    }

    @GetMapping(PATH)
    @Operation(operationId = "authorizationServerMetadata", summary = "The authorization server's metadata",
            description = "RFC 8414 metadata: the issuer, the token endpoint, the JWKS URI that verifies access "
                    + "tokens (RFC 9068, typ at+jwt), the grant types and client authentication methods. Cacheable "
                    + "for an hour.")
    @SecurityRequirements
    @ApiResponse(responseCode = "200", description = "The metadata")
    ResponseEntity<AuthorizationServerMetadata> metadata() {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
                .body(metadata);
    }
}
