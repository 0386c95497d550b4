package dev.shopflow.gateway.storefront;

import java.util.List;

/**
 * What the storefront's answers may do in a browser: the Content-Security-Policy of {@code /} and
 * {@code /storefront/**}. The page loads its own scripts, styles and icon, calls the API on its own origin (the
 * order stream too: it is read with {@code fetch}, not {@code EventSource}), and shows product images from the
 * configured image sources; nothing else. No inline script or style, no {@code eval}, no plug-ins, no frames, no
 * {@code <base>}, no form posted anywhere (every form is sent by script), and no page may frame it. Trusted Types are
 * required with no policy allowed, so a string can never reach an HTML or script sink: the page builds its DOM with
 * {@code textContent} and elements only. The API's own answers keep {@code frame-ancestors 'none'} alone.
 */
public record StorefrontPolicy(String contentSecurityPolicy) {

    /** The policy for a page that shows images from {@code imageSources} (origins such as {@code https://host}). */
    public static StorefrontPolicy allowingImagesFrom(List<String> imageSources) {
        String images = imageSources.isEmpty() ? "'self'" : "'self' " + String.join(" ", imageSources);
        return new StorefrontPolicy(String.join("; ",
                "default-src 'none'",
                "script-src 'self'",
                "style-src 'self'",
                "img-src " + images,
                "connect-src 'self'",
                "base-uri 'none'",
                "form-action 'none'",
                "frame-ancestors 'none'",
                "require-trusted-types-for 'script'",
                "trusted-types 'none'"));
    }

    /** Whether the answer to this path is the storefront's: the page at {@code /} or one of its assets. */
    public boolean covers(String path) {
        return "/".equals(path) || path.startsWith(StorefrontFiles.ASSETS_PREFIX);
    }
}
