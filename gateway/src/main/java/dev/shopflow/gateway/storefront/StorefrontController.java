package dev.shopflow.gateway.storefront;

import io.swagger.v3.oas.annotations.Hidden;
import java.nio.charset.StandardCharsets;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The storefront's page at {@code /}. It may be cached but is checked again on every visit ({@code no-cache} with an
 * entity tag, so an unchanged page costs a 304): it names the current version of the assets. Not part of the API,
 * so not in the gateway's API document.
 */
@Controller
@Hidden
class StorefrontController {

    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    private final StorefrontFiles files;
    private final String etag;

    StorefrontController(StorefrontFiles files) {
        this.files = files;
        this.etag = files.indexEtag();
    }

    /** 200 with the page, or 304 when the browser's copy is current. */
    @GetMapping("/")
    ResponseEntity<String> page() {
        return ResponseEntity.ok().contentType(HTML).cacheControl(CacheControl.noCache()).eTag(etag)
                .body(files.index());
    }
}
