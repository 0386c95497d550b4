/** Which routes the gateway lets through without an access token; platform's security checks the rest. */
package dev.shopflow.gateway.security;
