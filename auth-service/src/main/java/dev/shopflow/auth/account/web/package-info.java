/** HTTP API of accounts: {@code /api/auth/register}, {@code /api/auth/me}, {@code /api/auth/users/{id}}. */
package dev.shopflow.auth.account.web;
