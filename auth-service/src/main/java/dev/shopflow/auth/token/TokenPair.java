package dev.shopflow.auth.token;

import java.time.Duration;

/** What signing in or refreshing gives: an access token, its lifetime, and the refresh token that follows it. */
public record TokenPair(String accessToken, Duration expiresIn, String refreshToken) {
}
