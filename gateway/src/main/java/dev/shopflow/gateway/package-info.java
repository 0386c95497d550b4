/** gateway: the only public entry, routing each API path to the service that owns it. */
package dev.shopflow.gateway;
