package dev.shopflow.platform.outbox;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The {@code headers} column: extra record headers (trace context) as a flat JSON object of strings. */
final class OutboxHeaders {

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, String>> STRING_MAP = new TypeReference<>() { };

    private OutboxHeaders() {
    }

    static String toJson(Map<String, String> headers) {
        return json.writeValueAsString(headers);
    }

    static Map<String, String> fromJson(String text) {
        return text == null || text.isBlank() ? Map.of() : json.readValue(text, STRING_MAP);
    }
}
