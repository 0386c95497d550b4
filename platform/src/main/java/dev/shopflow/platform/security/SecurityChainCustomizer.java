package dev.shopflow.platform.security;

import org.springframework.security.config.web.server.ServerHttpSecurity;

/** A last adjustment to the security filter chain platform builds (extra headers, say), contributed as a bean. */
@FunctionalInterface
public interface SecurityChainCustomizer {

    void customize(ServerHttpSecurity http);
}
