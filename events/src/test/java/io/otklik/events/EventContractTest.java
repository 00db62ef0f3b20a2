package io.otklik.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.otklik.events.data.Button;
import io.otklik.events.data.MessageReceived;
import io.otklik.events.data.ReplyRequested;
import java.io.File;
import java.io.IOException;
import java.util.List;
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

        ObjectNode badLocation = (ObjectNode) mapper.readTree(json);
        ((ObjectNode) badLocation.get("data").get("attachments").get(1)).put("latitude", 123.0);
        assertThat(EventSchemas.violations(badLocation.toString())).anyMatch(v -> v.contains("latitude"));
    }

    @Test
    void leadScoresAndPrioritiesAreChecked() throws IOException {
        ObjectMapper mapper = EventJson.mapper();
        ObjectNode lead = (ObjectNode) mapper.readTree(EventJson.write(EventEnvelope.of(EventTypes.LEAD_CREATED,
                "routing-service", EventSamples.T, "demo-salon", EventSamples.CONVERSATION,
                (io.otklik.events.data.LeadCreated) EventSamples.all().get(EventTypes.LEAD_CREATED))));
        assertThat(EventSchemas.violations(lead.toString())).isEmpty();
        assertThat(lead.get("data").get("serviceName").asText()).isEqualTo("Стрижка");
        assertThat(EventJson.read(lead.toString(), EventTypes.LEAD_CREATED).data().serviceCode()).isEqualTo("haircut");
        ObjectNode noService = lead.deepCopy();
        ((ObjectNode) noService.get("data")).remove(List.of("serviceCode", "serviceName"));
        assertThat(EventSchemas.violations(noService.toString())).isEmpty();
        assertThat(EventJson.read(noService.toString(), EventTypes.LEAD_CREATED).data().serviceName()).isNull();
        assertThat(EventJson.write(EventEnvelope.of(EventTypes.LEAD_CREATED, "routing-service", EventSamples.T,
                "demo-salon", EventSamples.CONVERSATION, EventJson.read(noService.toString(),
                        EventTypes.LEAD_CREATED).data()))).doesNotContain("serviceCode").doesNotContain("serviceName");
        ((ObjectNode) noService.get("data")).put("serviceName", "");
        assertThat(EventSchemas.violations(noService.toString())).anyMatch(v -> v.contains("serviceName"));
        ((ObjectNode) lead.get("data")).put("qualityScore", 6);
        assertThat(EventSchemas.violations(lead.toString())).anyMatch(v -> v.contains("qualityScore"));
        ((ObjectNode) lead.get("data")).put("qualityScore", 3).putArray("qualitySignals").add("mood");
        assertThat(EventSchemas.violations(lead.toString())).anyMatch(v -> v.contains("qualitySignals"));

        ObjectNode routed = (ObjectNode) mapper.readTree(EventJson.write(EventEnvelope.of(EventTypes.LEAD_ROUTED,
                "routing-service", EventSamples.T, "demo-salon", EventSamples.CONVERSATION,
                (io.otklik.events.data.LeadRouted) EventSamples.all().get(EventTypes.LEAD_ROUTED))));
        assertThat(EventSchemas.violations(routed.toString())).isEmpty();
        assertThat(routed.get("data").get("summary").asText()).startsWith("Запись: Стрижка");
        ((ObjectNode) routed.get("data")).put("summary", 42);
        assertThat(EventSchemas.violations(routed.toString())).anyMatch(v -> v.contains("summary"));
        // older producers: no summary at all
        ((ObjectNode) routed.get("data")).remove("summary");
        assertThat(EventSchemas.violations(routed.toString())).isEmpty();
        assertThat(EventJson.read(routed.toString(), EventTypes.LEAD_ROUTED).data().summary()).isNull();
        ((ObjectNode) routed.get("data")).put("priority", "P4");
        assertThat(EventSchemas.violations(routed.toString())).anyMatch(v -> v.contains("priority"));
    }

    @Test
    void replyButtonsAreChecked() throws IOException {
        ObjectMapper mapper = EventJson.mapper();
        ReplyRequested reply = (ReplyRequested) EventSamples.all().get(EventTypes.REPLY_REQUESTED);
        String json = EventJson.write(EventEnvelope.of(EventTypes.REPLY_REQUESTED, "routing-service", EventSamples.T,
                "demo-salon", EventSamples.CONVERSATION, reply));
        assertThat(EventSchemas.violations(json)).isEmpty();
        assertThat(EventJson.read(json, EventTypes.REPLY_REQUESTED).data().buttons())
                .extracting(Button::id).containsExactly("confirm", "cancel");
        ObjectNode longId = (ObjectNode) mapper.readTree(json);
        ((ObjectNode) longId.get("data").get("buttons").get(0)).put("id", "x".repeat(65));
        assertThat(EventSchemas.violations(longId.toString())).anyMatch(v -> v.contains("id"));
    }

    @Test
    void variantsTravelInOrderAreLeftOutWhenNoneAndMustNameAVariant() throws IOException {
        ObjectMapper mapper = EventJson.mapper();
        io.otklik.events.data.AppointmentBooked booked = (io.otklik.events.data.AppointmentBooked) EventSamples.all()
                .get(EventTypes.APPOINTMENT_BOOKED);
        String json = EventJson.write(EventEnvelope.of(EventTypes.APPOINTMENT_BOOKED, "routing-service",
                EventSamples.T, "demo-salon", EventSamples.CONVERSATION, booked));
        assertThat(json).contains("\"variants\":{\"confirm-wording\":\"B\",\"greeting-tone\":\"A\"}");
        assertThat(EventJson.read(json, EventTypes.APPOINTMENT_BOOKED).data().variants().keySet())
                .containsExactly("confirm-wording", "greeting-tone");

        io.otklik.events.data.AppointmentConfirmed none = new io.otklik.events.data.AppointmentConfirmed(
                EventSamples.APPOINTMENT, EventSamples.CONVERSATION, EventSamples.LEAD, EventSamples.T,
                EventSamples.T, "admin");
        String plain = EventJson.write(EventEnvelope.of(EventTypes.APPOINTMENT_CONFIRMED, "routing-service",
                EventSamples.T, "demo-salon", EventSamples.CONVERSATION, none));
        assertThat(plain).doesNotContain("variants");
        assertThat(EventSchemas.violations(plain)).isEmpty();
        assertThat(EventJson.read(plain, EventTypes.APPOINTMENT_CONFIRMED).data().variants()).isEmpty();

        String reminder = EventJson.write(EventEnvelope.of(EventTypes.REMINDER_SENT, "reminder-service",
                EventSamples.T, "demo-salon", EventSamples.CONVERSATION,
                (io.otklik.events.data.ReminderSent) EventSamples.all().get(EventTypes.REMINDER_SENT)));
        assertThat(reminder).contains("\"variant\":\"A\"", "\"variants\":{\"reminder-timing\":\"A\"}");
        assertThat(EventSchemas.violations(reminder)).isEmpty();
        String noShow = EventJson.write(EventEnvelope.of(EventTypes.NO_SHOW, "reminder-service", EventSamples.T,
                "demo-salon", EventSamples.CONVERSATION,
                (io.otklik.events.data.NoShow) EventSamples.all().get(EventTypes.NO_SHOW)));
        assertThat(noShow).contains("\"variants\":{\"confirm-wording\":\"B\",\"greeting-tone\":\"A\"}");
        assertThat(EventSchemas.violations(noShow)).isEmpty();
        assertThat(EventJson.write(EventEnvelope.of(EventTypes.NO_SHOW, "reminder-service", EventSamples.T,
                "demo-salon", EventSamples.CONVERSATION, new io.otklik.events.data.NoShow(EventSamples.APPOINTMENT,
                        EventSamples.CONVERSATION, EventSamples.LEAD, EventSamples.T, EventSamples.T, "crm"))))
                .doesNotContain("variants");

        ObjectNode emptyName = (ObjectNode) mapper.readTree(json);
        ((ObjectNode) emptyName.get("data").get("variants")).put("confirm-wording", "");
        assertThat(EventSchemas.violations(emptyName.toString())).anyMatch(v -> v.contains("variants"));
        ObjectNode notAString = (ObjectNode) mapper.readTree(json);
        ((ObjectNode) notAString.get("data").get("variants")).put("confirm-wording", 2);
        assertThat(EventSchemas.violations(notAString.toString())).anyMatch(v -> v.contains("variants"));
    }

    @Test
    void classificationsNameOneOfTheNineIntentsAndCarryTheResolvedTime() throws IOException {
        ObjectMapper mapper = EventJson.mapper();
        io.otklik.events.data.MessageClassified classified = (io.otklik.events.data.MessageClassified) EventSamples
                .all().get(EventTypes.MESSAGE_CLASSIFIED);
        String json = EventJson.write(EventEnvelope.of(EventTypes.MESSAGE_CLASSIFIED, "nlu-service", EventSamples.T,
                "demo-salon", EventSamples.CONVERSATION, classified));
        assertThat(EventSchemas.violations(json)).isEmpty();
        io.otklik.events.data.Classification read = EventJson.read(json, EventTypes.MESSAGE_CLASSIFIED).data()
                .classification();
        assertThat(read.intentValue()).isEqualTo(io.otklik.events.data.Intent.BOOK);
        assertThat(read.entities().from()).isEqualTo(java.time.Instant.parse("2026-11-26T12:00:00Z"));
        assertThat(read.entities().staff()).isEqualTo("anna");
        assertThat(read.urgencyReason()).isEqualTo("сегодня");
        assertThat(read.alternatives()).extracting(io.otklik.events.data.Classification.Alternative::intent)
                .containsExactly("PRICE");

        ObjectNode oldIntent = (ObjectNode) mapper.readTree(json);
        ((ObjectNode) oldIntent.get("data").get("classification")).put("intent", "booking");
        assertThat(EventSchemas.violations(oldIntent.toString())).anyMatch(v -> v.contains("intent"));
        ObjectNode badAlternative = (ObjectNode) mapper.readTree(json);
        ((ObjectNode) badAlternative.get("data").get("classification").get("alternatives").get(0))
                .put("confidence", 1.5);
        assertThat(EventSchemas.violations(badAlternative.toString())).anyMatch(v -> v.contains("confidence"));
        ObjectNode badFrom = (ObjectNode) mapper.readTree(json);
        ((ObjectNode) badFrom.get("data").get("classification").get("entities")).put("from", "tomorrow");
        assertThat(EventSchemas.violations(badFrom.toString())).anyMatch(v -> v.contains("from"));
    }

    @Test
    void sandboxDraftsNeedTheirTextsAndAReviewAKnownDecision() throws IOException {
        ObjectMapper mapper = EventJson.mapper();
        ObjectNode drafted = (ObjectNode) mapper.readTree(EventJson.write(EventEnvelope.of(EventTypes.REPLY_DRAFTED,
                "routing-service", EventSamples.T, "demo-salon", EventSamples.CONVERSATION,
                (io.otklik.events.data.ReplyDrafted) EventSamples.all().get(EventTypes.REPLY_DRAFTED))));
        assertThat(EventSchemas.violations(drafted.toString())).isEmpty();
        ((ObjectNode) drafted.get("data")).put("draftText", "");
        assertThat(EventSchemas.violations(drafted.toString())).anyMatch(v -> v.contains("draftText"));

        String json = EventJson.write(EventEnvelope.of(EventTypes.DRAFT_REVIEWED, "ingest-service", EventSamples.T,
                "demo-salon", EventSamples.CONVERSATION,
                (io.otklik.events.data.DraftReviewed) EventSamples.all().get(EventTypes.DRAFT_REVIEWED)));
        assertThat(EventJson.read(json, EventTypes.DRAFT_REVIEWED).data().decision())
                .isEqualTo(io.otklik.events.data.DraftReviewed.Decision.APPROVED);
        ObjectNode maybe = (ObjectNode) mapper.readTree(json);
        ((ObjectNode) maybe.get("data")).put("decision", "MAYBE");
        assertThat(EventSchemas.violations(maybe.toString())).anyMatch(v -> v.contains("decision"));
        ObjectNode noStaff = (ObjectNode) mapper.readTree(json);
        ((ObjectNode) noStaff.get("data")).remove("staffId");
        assertThat(EventSchemas.violations(noStaff.toString())).anyMatch(v -> v.contains("staffId"));
    }

    @Test
    void aFollowUpHandoffNamesItsReasonAndAppointmentAndAConversationHandoffNeither() throws IOException {
        io.otklik.events.data.HandoffRequested followUp = new io.otklik.events.data.HandoffRequested(
                EventSamples.LEAD, EventSamples.CONVERSATION, io.otklik.events.data.Channel.TELEGRAM, "marina",
                "on-duty", "100200301", "Клиент не подтвердил запись", false, Map.of(),
                io.otklik.events.data.HandoffRequested.NOT_CONFIRMED, EventSamples.APPOINTMENT);
        String json = EventJson.write(EventEnvelope.of(EventTypes.HANDOFF_REQUESTED, "reminder-service",
                EventSamples.T, "demo-salon", EventSamples.CONVERSATION, followUp));
        assertThat(json).contains("\"reason\":\"not_confirmed\"",
                "\"appointmentId\":\"" + EventSamples.APPOINTMENT + "\"");
        assertThat(EventSchemas.violations(json)).isEmpty();
        io.otklik.events.data.HandoffRequested read = EventJson.read(json, EventTypes.HANDOFF_REQUESTED).data();
        assertThat(read.followUp()).isTrue();
        assertThat(read.appointmentId()).isEqualTo(EventSamples.APPOINTMENT);

        String plain = EventJson.write(EventEnvelope.of(EventTypes.HANDOFF_REQUESTED, "routing-service",
                EventSamples.T, "demo-salon", EventSamples.CONVERSATION,
                (io.otklik.events.data.HandoffRequested) EventSamples.all().get(EventTypes.HANDOFF_REQUESTED)));
        assertThat(plain).doesNotContain("reason", "appointmentId");
        assertThat(EventJson.read(plain, EventTypes.HANDOFF_REQUESTED).data().followUp()).isFalse();

        ObjectNode unknown = (ObjectNode) EventJson.mapper().readTree(json);
        ((ObjectNode) unknown.get("data")).put("reason", "bored");
        assertThat(EventSchemas.violations(unknown.toString())).anyMatch(v -> v.contains("reason"));
    }

    @Test
    void leadStatusChangesSayWhoMadeThemAndTheFirstShapeStillReads() throws IOException {
        ObjectMapper mapper = EventJson.mapper();
        String json = EventJson.write(EventEnvelope.of(EventTypes.LEAD_STATUS_CHANGED, "crm-sync-service",
                EventSamples.T, "demo-salon", EventSamples.CONVERSATION,
                (io.otklik.events.data.LeadStatusChanged) EventSamples.all().get(EventTypes.LEAD_STATUS_CHANGED)));
        assertThat(EventSchemas.violations(json)).isEmpty();
        assertThat(EventJson.read(json, EventTypes.LEAD_STATUS_CHANGED).data().origin()).isEqualTo("crm");
        ObjectNode other = (ObjectNode) mapper.readTree(json);
        ((ObjectNode) other.get("data")).put("origin", "manager");
        assertThat(EventSchemas.violations(other.toString())).anyMatch(v -> v.contains("origin"));
        ObjectNode first = (ObjectNode) mapper.readTree(json);
        ((ObjectNode) first.get("data")).remove("origin");
        assertThat(EventSchemas.violations(first.toString())).isEmpty();
        assertThat(EventJson.read(first.toString(), EventTypes.LEAD_STATUS_CHANGED).data().origin()).isNull();
    }

    @Test
    void aMessageInTheFirstShapeStillReads() {
        String json = """
                {"id":"7d1f0f7e-0000-4000-8000-000000000001","type":"message_received","source":"ingest-service",
                 "time":"2026-11-25T12:00:00Z","tenantId":"demo-salon","subject":"c-1","schemaVersion":1,
                 "data":{"messageId":"7d1f0f7e-0000-4000-8000-000000000002","conversationId":"c-1",
                  "channel":"WHATSAPP","channelAccountId":"106540352242922","externalMessageId":"wamid.X",
                  "contact":{"channelUserId":"79161234567"},"text":"Привет","receivedAt":"2026-11-25T12:00:00Z"}}""";
        assertThat(EventSchemas.violations(json)).isEmpty();
        MessageReceived m = EventJson.read(json, EventTypes.MESSAGE_RECEIVED).data();
        assertThat(m.attachments()).isEmpty();
        assertThat(m.clientId()).isNull();
        assertThat(m.text()).isEqualTo("Привет");
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
