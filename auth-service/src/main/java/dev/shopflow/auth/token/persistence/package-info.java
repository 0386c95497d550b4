/** The {@code refresh_tokens} table: hashes only, grouped into rotation families. */
package dev.shopflow.auth.token.persistence;
