/**
 * Tokens: signing in (an RS256 access token and an opaque, rotating refresh token), refreshing, signing out, and
 * the lockout that slows down password guessing.
 */
package dev.shopflow.auth.token;
