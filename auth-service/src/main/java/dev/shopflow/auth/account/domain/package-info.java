/**
 * Accounts and the rules they follow, in plain Java: a registered account with its password hash, how an email
 * address is normalised, what a password must be.
 */
package dev.shopflow.auth.account.domain;
