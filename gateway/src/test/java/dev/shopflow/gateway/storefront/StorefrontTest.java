package dev.shopflow.gateway.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopflow.gateway.GatewayTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

/**
 * The storefront as the gateway serves it: the page at {@code /} and its versioned assets, to anyone, cached as each
 * needs, under a Content-Security-Policy that allows only what the page uses; the API keeps its own headers.
 */
@TestPropertySource(properties = "shopflow.gateway.storefront.image-sources=https://images.example")
class StorefrontTest extends GatewayTest {

    private static final Pattern IMPORT = Pattern.compile("(?:import|export)\\s[^;]*?from\\s+'(\\./[^']+|\\.\\./[^']+)'");

    @Autowired
    StorefrontFiles files;

    @Test
    void servesThePageAtTheRootToAnyoneAndHasItCheckedOnEveryVisit() {
        String page = web.get().uri("/").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-cache")
                .expectHeader().exists(HttpHeaders.ETAG)
                .expectHeader().valueEquals("Shopflow-Service", "gateway")
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(page).contains("<script type=\"module\" src=\"/storefront/" + files.version() + "/app.js\">")
                .contains("href=\"/storefront/" + files.version() + "/styles.css\"")
                .doesNotContain("%ASSETS%");
    }

    @Test
    void answersAnUnchangedPageWithNotModified() {
        String etag = web.get().uri("/").exchange().returnResult(String.class).getResponseHeaders().getETag();

        web.get().uri("/").header(HttpHeaders.IF_NONE_MATCH, etag).exchange()
                .expectStatus().isNotModified()
                .expectBody().isEmpty();
    }

    @Test
    void givesThePageAPolicyThatAllowsOnlyItsOwnFilesTheApiAndTheImageSources() {
        web.get().uri("/").exchange()
                .expectHeader().valueEquals("Content-Security-Policy", "default-src 'none'; script-src 'self'; "
                        + "style-src 'self'; img-src 'self' https://images.example; connect-src 'self'; "
                        + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'; "
                        + "require-trusted-types-for 'script'; trusted-types 'none'")
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("Referrer-Policy", "no-referrer");
    }

    @Test
    void keepsTheApisOwnPolicyAndCaching() {
        asCustomer().get().uri("/api/cart").exchange()
                .expectHeader().valueEquals("Content-Security-Policy", "frame-ancestors 'none'")
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    @Test
    void servesEveryAssetOfTheCurrentVersionToAnyoneForAYearWithItsType() throws IOException {
        for (String asset : assets()) {
            var answer = web.get().uri(files.assetsPath() + "/" + asset).exchange()
                    .expectStatus().isOk()
                    .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "max-age=31536000, public, immutable")
                    .expectHeader().valueEquals("Content-Security-Policy", StorefrontPolicy
                            .allowingImagesFrom(List.of("https://images.example")).contentSecurityPolicy())
                    .returnResult(byte[].class);
            MediaType type = answer.getResponseHeaders().getContentType();
            if (asset.endsWith(".js")) {
                assertThat(type).as(asset).isNotNull().matches(t -> t.isCompatibleWith(MediaType.parseMediaType("text/javascript")));
            } else if (asset.endsWith(".css")) {
                assertThat(type).as(asset).isNotNull().matches(t -> t.isCompatibleWith(MediaType.parseMediaType("text/css")));
            } else if (asset.endsWith(".svg")) {
                assertThat(type).as(asset).isNotNull().matches(t -> t.isCompatibleWith(MediaType.parseMediaType("image/svg+xml")));
            }
        }
    }

    @Test
    void answersAnAssetOfAnotherVersionOrAnUnknownOneWithAProblem() {
        for (String path : List.of("/storefront/0123456789abcdef/app.js", files.assetsPath() + "/no-such-file.js",
                files.assetsPath() + "/../index.html")) {
            web.get().uri(path).exchange()
                    .expectStatus().value(status -> assertThat(status).as(path).isIn(400, 404))
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    @Test
    void everyModuleThePagesScriptsImportIsServed() throws IOException {
        var resolver = new PathMatchingResourcePatternResolver();
        List<String> assets = assets();
        for (String script : assets.stream().filter(name -> name.endsWith(".js")).toList()) {
            String source = resolver.getResource(StorefrontFiles.LOCATION + "assets/" + script)
                    .getContentAsString(StandardCharsets.UTF_8);
            var imports = IMPORT.matcher(source);
            while (imports.find()) {
                String target = java.nio.file.Path.of(script).resolveSibling(imports.group(1)).normalize().toString()
                        .replace('\\', '/');
                assertThat(assets).as(script + " imports " + imports.group(1)).contains(target);
            }
        }
        assertThat(assets).contains("app.js", "api.js", "order-stream.js", "styles.css", "favicon.svg");
    }

    @Test
    void leavesTheAssetsVersionToTheirContent() {
        assertThat(files.version()).matches("[0-9a-f]{16}").isEqualTo(StorefrontFiles.load().version());
    }

    /** Each asset's path under the assets folder, such as {@code views/cart.js}. */
    private static List<String> assets() throws IOException {
        var resolver = new PathMatchingResourcePatternResolver();
        String root = resolver.getResource(StorefrontFiles.LOCATION + "assets/").getURL().toString();
        var found = new ArrayList<String>();
        for (Resource resource : resolver.getResources(StorefrontFiles.LOCATION + "assets/**")) {
            String url = resource.getURL().toString();
            if (resource.isReadable() && !url.endsWith("/")) {
                found.add(url.substring(root.length()));
            }
        }
        return found;
    }
}
