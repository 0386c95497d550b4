package dev.shopflow.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Every contract in {@code contracts/} is a valid schema with a valid example, and the AsyncAPI document agrees. */
class EventContractsTest {

    static final Path contracts = Path.of(System.getProperty("contracts.dir", "."));
    static final Set<String> topics = Set.of("orders.v1", "inventory.v1", "payments.v1");
    static final JsonMapper json = JsonMapper.builder().build();

    static Stream<String> types() throws IOException {
        try (var files = Files.list(contracts.resolve("events"))) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".schema.json"))
                    .map(name -> name.substring(0, name.length() - ".schema.json".length()))
                    .sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("types")
    void isAValidJsonSchemaNamedAfterItsTypeOnAKnownTopic(String type) throws IOException {
        var metaSchema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        String schemaText = Files.readString(contracts.resolve("events/" + type + ".schema.json"));
        JsonNode schema = json.readTree(schemaText);

        assertThat(metaSchema.validate(schemaText, InputFormat.JSON)).isEmpty();
        assertThat(type).matches("shopflow\\.[a-z]+\\.[a-z-]+\\.v\\d+");
        assertThat(schema.path("title").asString()).isEqualTo(type);
        assertThat(topics).contains(schema.path("x-topic").asString());
        assertThat(schema.path("required").values()).extracting(JsonNode::asString).contains("eventId", "occurredAt", "orderId");
    }

    @ParameterizedTest
    @MethodSource("types")
    void hasAnExampleThatIsValid(String type) {
        assertThat(EventContracts.problems(type, EventContracts.example(type))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("types")
    void refusesTheExampleWithoutItsOrderIdOrWithAMalformedEventId(String type) {
        ObjectNode withoutOrder = (ObjectNode) json.readTree(EventContracts.example(type));
        withoutOrder.remove("orderId");
        ObjectNode badId = (ObjectNode) json.readTree(EventContracts.example(type));
        badId.put("eventId", "not-a-uuid");

        assertThat(EventContracts.problems(type, withoutOrder.toString())).anyMatch(problem -> problem.contains("orderId"));
        assertThat(EventContracts.problems(type, badId.toString())).anyMatch(problem -> problem.contains("eventId"));
        assertThatThrownBy(() -> EventContracts.requireValid(type, badId.toString()))
                .isInstanceOf(AssertionError.class).hasMessageContaining("Not a valid " + type);
    }

    @Test
    void refusesMoneyInFloatingPointAndAnUnknownCurrencyCode() {
        ObjectNode placed = (ObjectNode) json.readTree(EventContracts.example("shopflow.order.placed.v1"));
        ((ObjectNode) placed.path("total")).put("amount", 39.98);
        ((ObjectNode) placed.path("items").path(0).path("unitPrice")).put("currency", "euro");

        assertThat(EventContracts.problems("shopflow.order.placed.v1", placed.toString()))
                .anyMatch(problem -> problem.contains("total.amount") || problem.contains("/total/amount"))
                .anyMatch(problem -> problem.contains("currency"));
    }

    @Test
    void saysSoWhenAnEventTypeHasNoContract() {
        assertThatThrownBy(() -> EventContracts.problems("shopflow.order.shipped.v1", "{}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no contract for event type shopflow.order.shipped.v1");
    }

    @Test
    void theAsyncApiDocumentListsEveryEventTypeOnItsTopicWithItsSchema() throws IOException {
        JsonNode asyncApi = YAMLMapper.builder().build().readTree(contracts.resolve("asyncapi.yaml").toFile());
        var listed = new TreeSet<String>();
        for (var channel : asyncApi.path("channels").properties()) {
            String address = channel.getValue().path("address").asString();
            for (var message : channel.getValue().path("messages").properties()) {
                String reference = message.getValue().path("$ref").asString();
                JsonNode definition = asyncApi.at(reference.substring(1));
                String type = definition.path("name").asString();
                listed.add(type);
                assertThat(definition.path("payload").path("$ref").asString()).isEqualTo("./events/" + type + ".schema.json");
                JsonNode schema = json.readTree(Files.readString(contracts.resolve("events/" + type + ".schema.json")));
                assertThat(schema.path("x-topic").asString()).as(type + " is on " + address).isEqualTo(address);
            }
        }
        assertThat(listed).containsExactlyElementsOf(types().toList());
    }
}
