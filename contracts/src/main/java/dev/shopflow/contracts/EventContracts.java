package dev.shopflow.contracts;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON Schema (draft 2020-12) and the example of each event type, read from the class path
 * ({@code contracts/events/TYPE.schema.json}, {@code contracts/examples/TYPE.json}). Formats ({@code uuid},
 * {@code date-time}) are checked, not only annotated.
 */
public final class EventContracts {

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    private EventContracts() {
    }

    /**
     * What is wrong with {@code eventJson} as an event of {@code type}; empty when it is valid.
     *
     * @throws IllegalArgumentException when there is no contract for {@code type}
     */
    public static List<String> problems(String type, String eventJson) {
        var node = parse(eventJson, type);
        return schema(type).validate(node, context -> context.executionConfig(config -> config.formatAssertionsEnabled(true)))
                .stream().map(error -> error.getInstanceLocation() + ": " + error.getMessage()).toList();
    }

    /**
     * Fails unless {@code eventJson} is a valid event of {@code type}: what a producer's test calls on what it emits.
     *
     * @throws AssertionError listing every problem
     */
    public static void requireValid(String type, String eventJson) {
        var problems = problems(type, eventJson);
        if (!problems.isEmpty()) {
            throw new AssertionError("Not a valid " + type + " event:\n  " + String.join("\n  ", problems) + "\n" + eventJson);
        }
    }

    /** The example event of {@code type}: what a consumer's test reads to prove it understands the contract. */
    public static String example(String type) {
        return read("contracts/examples/" + type + ".json", type);
    }

    private static Schema schema(String type) {
        return schemas.computeIfAbsent(type, name -> registry.getSchema(read("contracts/events/" + name + ".schema.json", name),
                com.networknt.schema.InputFormat.JSON));
    }

    private static tools.jackson.databind.JsonNode parse(String eventJson, String type) {
        try {
            return json.readTree(eventJson);
        } catch (JacksonException e) {
            throw new AssertionError("Not JSON, so not a " + type + " event: " + e.getOriginalMessage(), e);
        }
    }

    private static String read(String resource, String type) {
        try (InputStream in = EventContracts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("There is no contract for event type " + type + " (" + resource + ")");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
