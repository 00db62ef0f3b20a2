package io.otklik.crm.setup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.otklik.crm.bitrix24.Bitrix24Bodies;
import io.otklik.events.data.LeadStatus;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prepares a Bitrix24 portal for our mapping, idempotently: the lead user fields we write (quality score, appointment
 * time, appointment confirmed) through {@code crm.lead.userfield.list} / {@code .add}, and the custom lead stages the
 * status mapping names (UC_NOSHOW by default, or any {@code UC_…} id in {@code crm.statuses}) and a custom messenger
 * source ({@code crm.sourceId} {@code UC_…}) through {@code crm.status.list} / {@code crm.status.add}. What exists is
 * skipped; every step is printed. The webhook URL (a secret) is never printed.
 */
public final class Bitrix24Setup {

    /** One user field: the full name we write, its Bitrix24 type and the label the manager sees. */
    record Field(String name, String type, String label) {
    }

    /** One lead stage or source the mapping needs. */
    record Status(String entityId, String statusId, String name, int sort) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String UF_PREFIX = "UF_CRM_";

    private final String webhookUrl;
    private final HttpClient http;
    private final PrintStream out;

    public Bitrix24Setup(String webhookUrl, PrintStream out) {
        this.webhookUrl = webhookUrl.strip().replaceAll("/+$", "");
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        this.out = out;
    }

    /** The user fields for the configured names. */
    public static List<Field> fields(Bitrix24Bodies.Fields names) {
        return List.of(new Field(names.qualityField(), "integer", "Оценка лида (Отклик), 1–5"),
                new Field(names.appointmentField(), "datetime", "Время записи"),
                new Field(names.confirmedField(), "boolean", "Запись подтверждена"));
    }

    /**
     * The custom stages and source the tenant's mapping names: each of our statuses mapped to a {@code UC_…} id
     * (UC_NOSHOW for a no-show unless {@code crm.statuses} says otherwise), and the messenger source when custom.
     * Bitrix24's own stages (NEW, IN_PROCESS, CONVERTED, JUNK) exist on every portal.
     */
    public static List<Status> statuses(Map<String, String> overrides, String sourceId) {
        Map<String, Status> needed = new LinkedHashMap<>();
        for (LeadStatus status : LeadStatus.values()) {
            String id = Bitrix24Bodies.statusId(status, overrides);
            if (id.startsWith("UC_")) {
                needed.putIfAbsent(id, new Status("STATUS", id, stageName(status), stageSort(status)));
            }
        }
        List<Status> all = new ArrayList<>(needed.values());
        if (sourceId != null && sourceId.strip().startsWith("UC_")) {
            all.add(new Status("SOURCE", sourceId.strip(), "Мессенджеры (Отклик)", 100));
        }
        return all;
    }

    /** Russian stage names a salon manager reads. */
    static String stageName(LeadStatus status) {
        return switch (status) {
            case NEW -> "Новый";
            case IN_PROCESSING -> "В работе";
            case CONFIRMED -> "Запись подтверждена";
            case NO_SHOW -> "Не пришёл";
            case WON -> "Пришёл";
            case LOST -> "Отказ";
        };
    }

    /** In-progress stages sort between IN_PROCESS (20) and the final stages, so they keep the "in work" semantics. */
    static int stageSort(LeadStatus status) {
        return switch (status) {
            case NEW -> 15;
            case IN_PROCESSING -> 25;
            case CONFIRMED -> 30;
            case NO_SHOW -> 35;
            case WON, LOST -> 45;
        };
    }

    /** Creates what is missing; returns the number of things created. */
    public int run(List<Field> fields, List<Status> statuses) throws IOException, InterruptedException {
        int created = 0;
        for (Field field : fields) {
            JsonNode found = call("crm.lead.userfield.list", Map.of("filter", Map.of("FIELD_NAME", field.name())))
                    .path("result");
            if (found.isArray() && !found.isEmpty()) {
                out.printf("field %s (%s): exists, skipped%n", field.name(), found.get(0).path("USER_TYPE_ID")
                        .asText(field.type()));
                continue;
            }
            Map<String, Object> add = new LinkedHashMap<>();
            String code = field.name().startsWith(UF_PREFIX) ? field.name().substring(UF_PREFIX.length())
                    : field.name();
            add.put("FIELD_NAME", code);
            add.put("USER_TYPE_ID", field.type());
            add.put("XML_ID", "OTKLIK_" + code);
            add.put("EDIT_FORM_LABEL", field.label());
            add.put("LIST_COLUMN_LABEL", field.label());
            add.put("LIST_FILTER_LABEL", field.label());
            JsonNode id = call("crm.lead.userfield.add", Map.of("fields", add)).path("result");
            out.printf("field %s (%s): created, id %s%n", field.name(), field.type(), id.asText());
            created++;
        }
        Map<String, List<String>> existing = new LinkedHashMap<>();
        for (Status status : statuses) {
            List<String> ids = existing.get(status.entityId());
            if (ids == null) {
                ids = new ArrayList<>();
                for (JsonNode s : call("crm.status.list", Map.of("filter", Map.of("ENTITY_ID", status.entityId())))
                        .path("result")) {
                    ids.add(s.path("STATUS_ID").asText());
                }
                existing.put(status.entityId(), ids);
            }
            if (ids.contains(status.statusId())) {
                out.printf("%s %s: exists, skipped%n", kind(status), status.statusId());
                continue;
            }
            Map<String, Object> add = new LinkedHashMap<>();
            add.put("ENTITY_ID", status.entityId());
            add.put("STATUS_ID", status.statusId());
            add.put("NAME", status.name());
            add.put("SORT", status.sort());
            JsonNode id = call("crm.status.add", Map.of("fields", add)).path("result");
            ids.add(status.statusId());
            out.printf("%s %s \"%s\": created, id %s%n", kind(status), status.statusId(), status.name(), id.asText());
            created++;
        }
        return created;
    }

    private static String kind(Status status) {
        return "STATUS".equals(status.entityId()) ? "lead stage" : "source";
    }

    /** One REST call; a Bitrix24 error answer is thrown with its code and HTTP status (never the URL). */
    JsonNode call(String method, Map<String, Object> body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(webhookUrl + "/" + method + ".json"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        JsonNode answer;
        try {
            answer = JSON.readTree(response.body());
        } catch (IOException e) {
            answer = JSON.createObjectNode();
        }
        if (response.statusCode() / 100 != 2 || answer.has("error")) {
            throw new SetupException(method + " failed: " + answer.path("error").asText("HTTP_"
                    + response.statusCode()) + " (HTTP " + response.statusCode() + ")"
                    + (answer.hasNonNull("error_description") ? ": " + answer.get("error_description").asText() : ""));
        }
        return answer;
    }

    /** A call the portal refused. */
    public static final class SetupException extends IOException {
        SetupException(String message) {
            super(message);
        }
    }
}
