package io.otklik.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.File;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every event round-trips through JSON and satisfies its schema; schemas, AsyncAPI and the catalogue agree. */
class EventContractTest {

    @Test
    void everyEventTypeHasASample() {
        assertThat(EventSamples.all().keySet()).containsExactlyInAnyOrderElementsOf(EventTypes.ALL);
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void everyEventRoundTripsAndSatisfiesItsSchema() {
        for (Map.Entry<EventType<?>, Object> sample : EventSamples.all().entrySet()) {
            EventType type = sample.getKey();
            EventEnvelope<?> event = EventEnvelope.of(type, "routing-service", EventSamples.T, "demo-salon",
                    EventSamples.CONVERSATION, sample.getValue());
            String json = EventJson.write(event);

            assertThat(EventSchemas.violations(json)).as(type.topic() + ": " + json).isEmpty();
            EventEnvelope<?> back = EventJson.read(json, type);
            assertThat(back).as(type.topic()).isEqualTo(event);
        }
    }

    @Test
    void schemaRejectsAMissingRequiredFieldAndAWrongFormat() throws IOException {
        ObjectMapper mapper = EventJson.mapper();
        String json = EventJson.write(EventEnvelope.of(EventTypes.MESSAGE_RECEIVED, "ingest-service", EventSamples.T,
                "demo-salon", EventSamples.CONVERSATION, EventSamples.MESSAGE));

        ObjectNode noText = (ObjectNode) mapper.readTree(json);
        ((ObjectNode) noText.get("data")).remove("text");
        assertThat(EventSchemas.violations(noText.toString())).anyMatch(v -> v.contains("text"));

        ObjectNode badPhone = (ObjectNode) mapper.readTree(json);
        ((ObjectNode) badPhone.get("data").get("contact")).put("phone", "8 916 123-45-67");
        assertThat(EventSchemas.violations(badPhone.toString())).anyMatch(v -> v.contains("phone"));

        ObjectNode badTime = (ObjectNode) mapper.readTree(json);
        badTime.put("time", "yesterday");
        assertThat(EventSchemas.violations(badTime.toString())).anyMatch(v -> v.contains("time"));

        ObjectNode wrongType = (ObjectNode) mapper.readTree(json);
        wrongType.put("type", "lead_created");
        assertThat(EventSchemas.violations(wrongType.toString())).isNotEmpty();
    }

    @Test
    void readingRejectsOtherTypesAndMalformedJson() {
        String json = EventJson.write(EventEnvelope.of(EventTypes.MESSAGE_RECEIVED, "ingest-service", EventSamples.T,
                "demo-salon", EventSamples.CONVERSATION, EventSamples.MESSAGE));
        assertThatThrownBy(() -> EventJson.read(json, EventTypes.LEAD_CREATED))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("expected type lead_created");
        assertThatThrownBy(() -> EventJson.read("{not json", EventTypes.LEAD_CREATED))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> EventJson.read("{\"type\":\"lead_created\",\"id\":\"x\"}", EventTypes.LEAD_CREATED))
                .isInstanceOf(InvalidEventException.class);
    }

    @Test
    void asyncApiDescribesEveryTopicWithItsSchema() throws IOException {
        JsonNode doc = new ObjectMapper(new YAMLFactory()).readTree(new File("asyncapi.yaml"));
        for (String topic : Topics.all()) {
            JsonNode channel = null;
            for (JsonNode c : doc.get("channels")) {
                if (topic.equals(c.path("address").asText())) {
                    channel = c;
                }
            }
            assertThat(channel).as("channel for " + topic).isNotNull();
            String messageRef = channel.get("messages").elements().next().get("$ref").asText();
            JsonNode message = doc.at(messageRef.substring(1));
            String schemaRef = message.at("/payload/schema/$ref").asText();
            assertThat(schemaRef).isEqualTo("./src/main/resources/schemas/" + topic + ".json");
            assertThat(new File(schemaRef)).as("schema file of " + topic).exists();
        }
        assertThat(doc.get("channels")).hasSize(Topics.all().size());
    }
}
