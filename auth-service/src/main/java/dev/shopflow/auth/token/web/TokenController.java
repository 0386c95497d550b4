package dev.shopflow.auth.token.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.shopflow.auth.token.TokenPair;
import dev.shopflow.auth.token.Tokens;
import dev.shopflow.platform.web.ClientAddress;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

@RestController
@Tag(name = "Tokens", description = "Sign-in, refresh and sign-out (RFC 6749 names)")
class TokenController {

    private final Tokens tokens;

    TokenController(Tokens tokens) {
        this.tokens = tokens;
    }

    record SignInRequest(
            @Schema(example = "ann@example.com") @NotBlank @Size(max = 254) String email,
            @Schema(example = "correct horse battery staple") @NotBlank @Size(max = 1024) String password) {
    }

    record RefreshRequest(@JsonProperty("refresh_token") @Schema(example = "Xq3b7nW0hV2yLr8cTz5mKj1pFs9dGe4uAo6iBw-Nx0E")
            @NotBlank @Size(max = 256) String refreshToken) {
    }

    /** The token endpoint's answer, named as RFC 6749 names it. */
    @Schema(name = "TokenPair")
    record TokenResponse(
            @JsonProperty("access_token") @Schema(description = "An RFC 9068 JWT (typ at+jwt), RS256",
                    example = "eyJ0eXAiOiJhdCtqd3QiLCJraWQiOiJrLTEiLCJhbGciOiJSUzI1NiJ9.eyJzdWIiOiI2ZjBjNWIwZSJ9.c2ln")
            String accessToken,
            @JsonProperty("token_type") @Schema(example = "Bearer") String tokenType,
            @JsonProperty("expires_in") @Schema(description = "Seconds the access token is valid", example = "900")
            long expiresIn,
            @JsonProperty("refresh_token") @Schema(example = "Xq3b7nW0hV2yLr8cTz5mKj1pFs9dGe4uAo6iBw-Nx0E")
            String refreshToken) {

        static TokenResponse of(TokenPair pair) {
            return new TokenResponse(pair.accessToken(), "Bearer", pair.expiresIn().toSeconds(), pair.refreshToken());
        }
    }

    /** 200 with a token pair; 401 for wrong credentials; 429 with {@code Retry-After} while locked. */
    @PostMapping("/api/auth/token")
    @Operation(operationId = "signIn", summary = "Sign in",
            description = "A bearer access token and a refresh token for the email and password. Repeated failures "
                    + "slow further attempts for the account and the client address.")
    @SecurityRequirements
    @ApiResponse(responseCode = "200", description = "A token pair")
    @ApiResponse(responseCode = "401", description = "Wrong email or password (invalid-credentials)")
    @ApiResponse(responseCode = "429", description = "Too many failed sign-ins (sign-in-locked): wait Retry-After "
            + "seconds (also as retryAfterSeconds); or too many requests")
    Mono<TokenResponse> token(@Valid @RequestBody SignInRequest request, ServerWebExchange exchange) {
        return tokens.signIn(request.email(), request.password(), ClientAddress.of(exchange)).map(TokenResponse::of);
    }

    /** 200 with a new pair (the presented refresh token is used up); 401 when it cannot be used. */
    @PostMapping("/api/auth/refresh")
    @Operation(operationId = "refresh", summary = "Refresh the tokens",
            description = "A new token pair for a refresh token, which is used up by this call.")
    @SecurityRequirements
    @ApiResponse(responseCode = "200", description = "A new token pair")
    @ApiResponse(responseCode = "401", description = "The refresh token is unknown, expired, used or revoked "
            + "(invalid-refresh-token)")
    Mono<TokenResponse> refresh(@Valid @RequestBody RefreshRequest request) {
        return tokens.refresh(request.refreshToken()).map(TokenResponse::of);
    }

    /** 204; the refresh token and every token rotated from it stop working. Access tokens run out on their own. */
    @PostMapping("/api/auth/logout")
    @Operation(operationId = "signOut", summary = "Sign out",
            description = "Revokes the refresh token and every token rotated from it. Access tokens run out on "
                    + "their own.")
    @SecurityRequirements
    @ApiResponse(responseCode = "204", description = "Signed out (also for a token that was not valid)")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> logout(@Valid @RequestBody RefreshRequest request) {
        return tokens.signOut(request.refreshToken());
    }
}
