package dev.shopflow.auth.token.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.shopflow.auth.token.TokenPair;
import dev.shopflow.auth.token.Tokens;
import dev.shopflow.platform.web.ClientAddress;
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
class TokenController {

    private final Tokens tokens;

    TokenController(Tokens tokens) {
        this.tokens = tokens;
    }

    record SignInRequest(@NotBlank @Size(max = 254) String email, @NotBlank @Size(max = 1024) String password) {
    }

    record RefreshRequest(@JsonProperty("refresh_token") @NotBlank @Size(max = 256) String refreshToken) {
    }

    /** The token endpoint's answer, named as RFC 6749 names it. */
    record TokenResponse(
            @JsonProperty("access_token") String accessToken,
            @JsonProperty("token_type") String tokenType,
            @JsonProperty("expires_in") long expiresIn,
            @JsonProperty("refresh_token") String refreshToken) {

        static TokenResponse of(TokenPair pair) {
            return new TokenResponse(pair.accessToken(), "Bearer", pair.expiresIn().toSeconds(), pair.refreshToken());
        }
    }

    /** 200 with a token pair; 401 for wrong credentials; 429 with {@code Retry-After} while locked. */
    @PostMapping("/api/auth/token")
    Mono<TokenResponse> token(@Valid @RequestBody SignInRequest request, ServerWebExchange exchange) {
        return tokens.signIn(request.email(), request.password(), ClientAddress.of(exchange)).map(TokenResponse::of);
    }

    /** 200 with a new pair (the presented refresh token is used up); 401 when it cannot be used. */
    @PostMapping("/api/auth/refresh")
    Mono<TokenResponse> refresh(@Valid @RequestBody RefreshRequest request) {
        return tokens.refresh(request.refreshToken()).map(TokenResponse::of);
    }

    /** 204; the refresh token and every token rotated from it stop working. Access tokens run out on their own. */
    @PostMapping("/api/auth/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> logout(@Valid @RequestBody RefreshRequest request) {
        return tokens.signOut(request.refreshToken());
    }
}
