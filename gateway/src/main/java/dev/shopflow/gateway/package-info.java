/** gateway: the only public entry; routing, edge checks and the settings they share ({@link dev.shopflow.gateway.GatewayProperties}). */
package dev.shopflow.gateway;
