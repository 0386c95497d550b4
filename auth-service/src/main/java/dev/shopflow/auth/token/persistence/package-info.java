/**
 * The token feature's tables: {@code refresh_tokens} (hashes only, grouped into rotation families) and the sign-in
 * throttle's {@code login_throttle} and {@code known_sign_in_addresses}.
 */
package dev.shopflow.auth.token.persistence;
