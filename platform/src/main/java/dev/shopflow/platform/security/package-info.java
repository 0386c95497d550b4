/**
 * Every service validates the caller's access token itself: one resource-server setup (RS256 through the auth
 * service's JWKS, expiry, issuer and audience), roles as authorities, and problem-details answers for 401 and 403.
 */
package dev.shopflow.platform.security;
