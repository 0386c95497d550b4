/** How standard OAuth clients find this issuer's endpoints and keys: RFC 8414 authorization-server metadata. */
package dev.shopflow.auth.discovery;
