package io.otklik.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Small JSON-over-HTTP helper for the services' APIs (metrics, routing admin, attendance). */
public final class Http {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Http() {
    }

    public static JsonNode get(String url, String apiKey) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).header("X-Api-Key", apiKey).GET());
    }

    public static JsonNode post(String url, String apiKey, String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).header("X-Api-Key", apiKey)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Like {@link #get}, but null when the resource does not exist (404). */
    public static JsonNode getIfFound(String url, String apiKey) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).header("X-Api-Key", apiKey).GET(), true);
    }

    private static JsonNode send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return send(request, false);
    }

    private static JsonNode send(HttpRequest.Builder request, boolean nullIfNotFound)
            throws IOException, InterruptedException {
        HttpResponse<String> response = CLIENT.send(request.timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (nullIfNotFound && response.statusCode() == 404) {
            return null;
        }
        if (response.statusCode() / 100 != 2) {
            throw new IOException(request.build().uri() + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
    }
}
