/** auth-service: users, password hashes, roles, refresh tokens and the JWT signing keys. */
package dev.shopflow.auth;
