/** Refresh tokens as the token feature reasons about them, in plain Java: whose, which family, still usable or not. */
package dev.shopflow.auth.token.domain;
