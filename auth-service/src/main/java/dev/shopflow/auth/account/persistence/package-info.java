/** The {@code users} table. */
package dev.shopflow.auth.account.persistence;
