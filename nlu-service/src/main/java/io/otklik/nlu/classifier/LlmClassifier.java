package io.otklik.nlu.classifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.otklik.events.data.Intent;
import io.otklik.platform.tenant.Tenant;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * Asks an OpenAI-compatible chat-completions endpoint (OpenAI, YandexGPT's compatible API, GigaChat) for the intent
 * of a message, as JSON. Only the intent, its confidence and an urgency flag come from the LLM; entities, time
 * resolution and fallback stay with the embedded code. Non-blocking; the caller applies the timeout.
 */
public final class LlmClassifier {

    static final String SYSTEM_PROMPT = """
            You classify one message a client wrote to a small Russian business (a beauty salon, a clinic, a fitness \
            studio or a service shop). Answer with one JSON object and nothing else: \
            {"intent": one of %s, "confidence": a number from 0 to 1, "urgent": true or false}. \
            BOOK wants an appointment or a free time; RESCHEDULE moves an existing one; CANCEL cancels or will not \
            come; CONFIRM says yes to a proposed or existing time; PRICE asks a cost; INFO asks anything else about \
            the business; COMPLAINT is unhappy with something that happened; HUMAN asks for a person or a call back; \
            OTHER is a greeting, thanks, spam or off-topic. urgent is true for pain, emergencies, "срочно" or today.""";

    private final HttpClient http;
    private final ObjectMapper json;

    public LlmClassifier(HttpClient http, ObjectMapper json) {
        this.http = http;
        this.json = json;
    }

    /** What the LLM said. */
    public record Answer(Intent intent, double confidence, boolean urgent) {
    }

    /**
     * Sends the message; the future fails on a transport error, a non-2xx answer or an answer that is not the
     * JSON asked for (naming what was wrong).
     */
    public CompletableFuture<Answer> ask(Tenant.Llm llm, String apiKey, String text, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stripSlash(llm.baseUrl())
                        + "/chat/completions"))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body(llm.model(), text), StandardCharsets.UTF_8));
        if (apiKey != null && !apiKey.isBlank()) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .thenApply(response -> {
                    if (response.statusCode() / 100 != 2) {
                        throw new LlmException("answered HTTP " + response.statusCode());
                    }
                    return parse(response.body());
                });
    }

    String body(String model, String text) {
        ObjectNode root = json.createObjectNode();
        root.put("model", model);
        root.put("temperature", 0);
        root.putObject("response_format").put("type", "json_object");
        ArrayNode messages = root.putArray("messages");
        messages.addObject().put("role", "system").put("content", SYSTEM_PROMPT.formatted(
                Arrays.stream(Intent.values()).map(Intent::name).collect(Collectors.joining(", "))));
        messages.addObject().put("role", "user").put("content", text == null ? "" : text);
        return root.toString();
    }

    /** Reads {@code choices[0].message.content} as the JSON object asked for. */
    Answer parse(String body) {
        try {
            JsonNode content = json.readTree(body).path("choices").path(0).path("message").path("content");
            if (!content.isTextual()) {
                throw new LlmException("answer has no choices[0].message.content");
            }
            String text = content.asText().strip();
            if (text.startsWith("```")) {
                text = text.replaceAll("^```(?:json)?\\s*", "").replaceAll("\\s*```$", "");
            }
            JsonNode answer = json.readTree(text);
            String name = answer.path("intent").asText("").strip().toUpperCase(Locale.ROOT);
            Intent intent = Arrays.stream(Intent.values()).filter(i -> i.name().equals(name)).findFirst()
                    .orElseThrow(() -> new LlmException("answer names no known intent: '" + name + "'"));
            double confidence = answer.path("confidence").isNumber() ? answer.path("confidence").asDouble() : 0.8;
            if (confidence < 0 || confidence > 1) {
                throw new LlmException("confidence " + confidence + " is not between 0 and 1");
            }
            return new Answer(intent, confidence, answer.path("urgent").asBoolean(false));
        } catch (IOException e) {
            throw new LlmException("answer is not JSON: " + e.getMessage());
        }
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** The LLM could not be used for this message; the embedded model answers instead. */
    public static final class LlmException extends RuntimeException {
        public LlmException(String message) {
            super(message);
        }
    }
}
