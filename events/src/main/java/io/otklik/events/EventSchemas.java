package io.otklik.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates event JSON against the event's JSON Schema (draft 2020-12, formats asserted) with networknt's validator.
 * Used by the contract test and by every service's tests on what the service emits.
 */
public final class EventSchemas {

    private static final String BASE = "https://otklik.io/schemas/";
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(m -> m.mapPrefix(BASE, "classpath:schemas/")));
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .build();
    private static final Map<String, JsonSchema> CACHE = new ConcurrentHashMap<>();

    private EventSchemas() {
    }

    /** The violations of the event's schema, empty when the JSON is valid. The schema is chosen by {@code type}. */
    public static List<String> violations(String json) {
        JsonNode node;
        try {
            node = EventJson.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            return List.of("not JSON: " + e.getOriginalMessage());
        }
        String type = node.path("type").asText("");
        if (EventTypes.byTopic(type).isEmpty()) {
            return List.of("unknown event type '" + type + "'");
        }
        JsonSchema schema = CACHE.computeIfAbsent(type,
                t -> FACTORY.getSchema(SchemaLocation.of(BASE + t + ".json"), CONFIG));
        return schema.validate(node).stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    /** Throws with every violation listed when the JSON does not satisfy its event's schema. */
    public static void requireValid(String json) {
        List<String> violations = violations(json);
        if (!violations.isEmpty()) {
            throw new InvalidEventException("schema violations: " + String.join("; ", violations) + " in " + json);
        }
    }
}
