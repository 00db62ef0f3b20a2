package io.otklik.ingest.outbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.WebApplicationException;
import java.util.Set;

/** Reads Meta's Graph API error envelope {@code {"error":{"code","message",...}}} into a {@link Delivery}. */
public final class GraphErrors {

    private static final ObjectMapper JSON = new ObjectMapper();

    private GraphErrors() {
    }

    /**
     * @param retryable Meta codes where the same request may succeed later (throughput and rate limits)
     */
    public static Delivery delivery(WebApplicationException e, Set<String> retryable) {
        int status = e.getResponse().getStatus();
        String code = Integer.toString(status);
        String message = "HTTP " + status;
        try {
            JsonNode error = JSON.readTree(e.getResponse().readEntity(String.class)).path("error");
            if (error.has("code")) {
                code = error.path("code").asText();
                message = error.path("message").asText(message);
            }
        } catch (Exception ignored) {
            // not a Graph error envelope: keep the HTTP status as the code
        }
        return Delivery.failed(code, message, status >= 500 || status == 429 || retryable.contains(code));
    }
}
