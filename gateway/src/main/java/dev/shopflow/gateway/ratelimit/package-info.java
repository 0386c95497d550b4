/** Rate limits: how many requests one user, or one client address, may send through the gateway. */
package dev.shopflow.gateway.ratelimit;
