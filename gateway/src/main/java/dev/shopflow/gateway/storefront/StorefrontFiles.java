package dev.shopflow.gateway.storefront;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The storefront's files as the gateway ships them: {@code index.html}, and the assets (scripts, styles, icon) under
 * {@code /storefront/<version>/}, where the version is a digest of every asset's path and content. A changed file
 * gives a new version and so new addresses, which is what lets a browser keep the assets for good while
 * {@code index.html} is checked again on every visit.
 *
 * @param version the first 16 hex digits of the SHA-256 of the assets
 * @param index {@code index.html} with {@value #ASSETS_PLACEHOLDER} replaced by {@link #assetsPath()}
 */
public record StorefrontFiles(String version, String index) {

    /** Where the storefront's files are on the class path. */
    static final String LOCATION = "classpath:/storefront/";

    /** What {@code index.html} writes where the versioned assets' path goes. */
    static final String ASSETS_PLACEHOLDER = "%ASSETS%";

    /** The path the assets of every version are served under. */
    public static final String ASSETS_PREFIX = "/storefront/";

    /** Reads the files from the class path; fails when {@code index.html} or the assets are missing. */
    static StorefrontFiles load() {
        try {
            var resolver = new PathMatchingResourcePatternResolver();
            Resource index = resolver.getResource(LOCATION + "index.html");
            Map<String, byte[]> assets = new TreeMap<>();
            String root = resolver.getResource(LOCATION + "assets/").getURL().toString();
            for (Resource asset : resolver.getResources(LOCATION + "assets/**")) {
                if (asset.isReadable() && !asset.getURL().toString().endsWith("/")) {
                    assets.put(asset.getURL().toString().substring(root.length()), asset.getContentAsByteArray());
                }
            }
            if (!index.isReadable() || assets.isEmpty()) {
                throw new IllegalStateException("The storefront's files are missing from " + LOCATION);
            }
            String version = digest(assets);
            String html = index.getContentAsString(StandardCharsets.UTF_8)
                    .replace(ASSETS_PLACEHOLDER, ASSETS_PREFIX + version);
            return new StorefrontFiles(version, html);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the storefront's files from " + LOCATION, e);
        }
    }

    /** Such as {@code /storefront/3f2a…}: the path of this version's assets. */
    public String assetsPath() {
        return ASSETS_PREFIX + version;
    }

    /** The entity tag of {@code index.html}: a digest of the page as served, so of the assets' version too. */
    String indexEtag() {
        return "\"" + digest(Map.of("index.html", index.getBytes(StandardCharsets.UTF_8))) + "\"";
    }

    private static String digest(Map<String, byte[]> assets) {
        try {
            var sha256 = MessageDigest.getInstance("SHA-256");
            assets.forEach((path, content) -> {
                sha256.update(path.getBytes(StandardCharsets.UTF_8));
                sha256.update((byte) 0);
                sha256.update(content);
            });
            return HexFormat.of().formatHex(sha256.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
