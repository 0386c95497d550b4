package dev.shopflow.catalog.demo;

import dev.shopflow.catalog.demo.domain.DemoCatalog;
import dev.shopflow.catalog.demo.domain.DemoCatalog.ProductLine;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo catalog's content, {@value #LOCATION} on the classpath: the product lines of
 * {@link DemoCatalog}, as JSON. Read strictly — an unknown, missing or null field is an error — so that a typo in the
 * data stops the service at start rather than loading a catalog nobody meant.
 */
public final class DemoCatalogFile {

    /** Where the demo catalog is on the classpath. */
    public static final String LOCATION = "demo-catalog.json";

    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private DemoCatalogFile() {
    }

    /**
     * The demo catalog the service ships with.
     *
     * @throws IllegalStateException when the file is missing or does not describe a catalog; the message says which
     *         file and what is wrong with it
     */
    public static DemoCatalog read() {
        return read(LOCATION);
    }

    /** The demo catalog in {@code resource} on the classpath; errors as {@link #read()}. */
    static DemoCatalog read(String resource) {
        try (InputStream content = DemoCatalogFile.class.getClassLoader().getResourceAsStream(resource)) {
            if (content == null) {
                throw new IllegalStateException("The demo catalog " + resource + " is not on the classpath; switch the "
                        + "demo catalog off with SHOPFLOW_CATALOG_DEMO_ENABLED=false or put the file back");
            }
            return DemoCatalog.of(STRICT.readValue(content, Content.class).productLines());
        } catch (IOException | JacksonException | IllegalArgumentException | NullPointerException e) {
            throw new IllegalStateException(
                    "The demo catalog " + resource + " is not a valid catalog: " + e.getMessage(), e);
        }
    }

    /** The file's shape: {@code {"productLines": [...]}}. */
    private record Content(List<ProductLine> productLines) {
    }
}
