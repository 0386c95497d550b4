/**
 * Tokens: signing in (an RS256 access token and an opaque, rotating refresh token), refreshing, signing out, and
 * the throttle that slows down password guessing (ADR 0011).
 */
package dev.shopflow.auth.token;
