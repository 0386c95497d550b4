/** Accounts: registration with a password policy, the caller's own account, the administrator account. */
package dev.shopflow.auth.account;
