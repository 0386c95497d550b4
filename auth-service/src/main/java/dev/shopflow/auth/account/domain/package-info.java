/** The rules an account follows, in plain Java: how an email address is normalised, what a password must be. */
package dev.shopflow.auth.account.domain;
