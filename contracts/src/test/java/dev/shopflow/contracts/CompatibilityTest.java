package dev.shopflow.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The build's guard against breaking consumers: {@code compatibility.lock.json} records each event type's shape
 * (required fields, field types) as last released. A schema may grow, but removing or renaming a required field,
 * or changing a field's type, fails here: publish a new version of the type (…v2) instead. A compatible change
 * is recorded by running {@code ./mvnw -pl contracts test -Dcontracts.update=true} and committing the lock.
 */
class CompatibilityTest {

    static final Path contracts = Path.of(System.getProperty("contracts.dir", "."));
    static final Path lock = contracts.resolve("compatibility.lock.json");
    static final JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @Test
    void noSchemaChangesIncompatiblyAndTheLockRecordsEveryType() throws IOException {
        Map<String, SchemaShape> current = new TreeMap<>();
        for (String type : EventContractsTest.types().toList()) {
            current.put(type, SchemaShape.of(json.readTree(Files.readString(contracts.resolve("events/" + type + ".schema.json")))));
        }
        Map<String, SchemaShape> locked = readLock();

        var breaking = new ArrayList<String>();
        locked.forEach((type, shape) -> {
            if (!current.containsKey(type)) {
                breaking.add(type + ": the event type was removed; consumers may still receive it");
            } else {
                shape.breakingChangesIn(current.get(type)).forEach(problem -> breaking.add(type + ": " + problem));
            }
        });
        assertThat(breaking).as("incompatible changes: publish a new version of the event type instead").isEmpty();

        if (Boolean.getBoolean("contracts.update")) {
            json.writeValue(lock.toFile(), current);
            locked = readLock();
        }
        assertThat(current).as("the lock is out of date: run ./mvnw -pl contracts test -Dcontracts.update=true")
                .isEqualTo(locked);
    }

    @Test
    void tellsAnAddedFieldFromARemovedRenamedOrRetypedOne() {
        var released = shape("""
                {"required":["orderId","total"],"properties":{"orderId":{"type":"string"},
                 "total":{"type":"object","required":["amount"],"properties":{"amount":{"type":"integer"}}}}}""");

        assertThat(released.breakingChangesIn(shape("""
                {"required":["orderId","total"],"properties":{"orderId":{"type":"string"},"note":{"type":"string"},
                 "total":{"type":"object","required":["amount"],"properties":{"amount":{"type":"integer"}}}}}"""))).isEmpty();
        assertThat(released.breakingChangesIn(shape("""
                {"required":["id","total"],"properties":{"id":{"type":"string"},
                 "total":{"type":"object","required":["amount"],"properties":{"amount":{"type":"integer"}}}}}""")))
                .containsExactly("required field 'orderId' was removed, renamed or made optional");
        assertThat(released.breakingChangesIn(shape("""
                {"required":["orderId","total"],"properties":{"orderId":{"type":"string"},
                 "total":{"type":"object","required":["amount"],"properties":{"amount":{"type":"number"}}}}}""")))
                .containsExactly("field 'total.amount' changed type from integer to number");
    }

    private static SchemaShape shape(String schema) {
        return SchemaShape.of(json.readTree(schema));
    }

    private static Map<String, SchemaShape> readLock() throws IOException {
        if (!Files.exists(lock)) {
            return Map.of();
        }
        Map<String, SchemaShape> locked = new TreeMap<>();
        JsonNode root = json.readTree(lock.toFile());
        for (var entry : root.properties()) {
            locked.put(entry.getKey(), json.treeToValue(entry.getValue(), SchemaShape.class));
        }
        return locked;
    }
}
