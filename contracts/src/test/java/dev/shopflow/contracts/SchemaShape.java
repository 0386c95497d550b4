package dev.shopflow.contracts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * What consumers of an event rely on: which fields are required and the type of every field, by path
 * ({@code items[].productId}). Two shapes are compatible when the newer keeps every required field of the older
 * and every field's type; adding fields is allowed.
 */
record SchemaShape(TreeSet<String> required, TreeMap<String, String> types) {

    static SchemaShape of(JsonNode schema) {
        var shape = new SchemaShape(new TreeSet<>(), new TreeMap<>());
        shape.walk(schema, "");
        return shape;
    }

    private void walk(JsonNode node, String prefix) {
        node.path("required").forEach(name -> required.add(prefix + name.asString()));
        for (Map.Entry<String, JsonNode> property : node.path("properties").properties()) {
            String path = prefix + property.getKey();
            JsonNode definition = property.getValue();
            types.put(path, typeOf(definition));
            walk(definition, path + ".");
            if (definition.has("items")) {
                walk(definition.path("items"), path + "[].");
            }
        }
    }

    private static String typeOf(JsonNode definition) {
        JsonNode type = definition.path("type");
        if (type.isArray()) {
            var names = new TreeSet<String>();
            type.forEach(name -> names.add(name.asString()));
            return String.join("|", names);
        }
        return type.isMissingNode() ? "any" : type.asString();
    }

    /** Why {@code newer} would break consumers of this shape; empty when it would not. */
    List<String> breakingChangesIn(SchemaShape newer) {
        var problems = new ArrayList<String>();
        for (String field : required) {
            if (!newer.required().contains(field)) {
                problems.add("required field '" + field + "' was removed, renamed or made optional");
            }
        }
        types.forEach((field, type) -> {
            String now = newer.types().get(field);
            if (now == null && required.contains(field)) {
                return; // reported above
            }
            if (now == null) {
                problems.add("field '" + field + "' was removed or renamed");
            } else if (!now.equals(type)) {
                problems.add("field '" + field + "' changed type from " + type + " to " + now);
            }
        });
        return problems;
    }
}
