/** HTTP API of tokens: {@code /api/auth/token}, {@code /api/auth/refresh}, {@code /api/auth/logout} (RFC 6749 names). */
package dev.shopflow.auth.token.web;
