package io.otklik.ingest.outbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.WebApplicationException;
import java.util.Set;

/** Reads Meta's Graph API error envelope {@code {"error":{"code","error_subcode","message",...}}}. */
public final class GraphErrors {

    private static final ObjectMapper JSON = new ObjectMapper();

    private GraphErrors() {
    }

    /**
     * One Graph error.
     *
     * @param code    Meta's {@code error.code}, else the HTTP status
     * @param subcode Meta's {@code error.error_subcode}, if any
     */
    public record GraphError(int status, String code, String subcode, String message) {
    }

    /** Reads the response body once (it cannot be read again). */
    public static GraphError read(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String code = Integer.toString(status);
        String subcode = null;
        String message = "HTTP " + status;
        try {
            JsonNode error = JSON.readTree(e.getResponse().readEntity(String.class)).path("error");
            if (error.has("code")) {
                code = error.path("code").asText();
                message = error.path("message").asText(message);
                if (error.hasNonNull("error_subcode")) {
                    subcode = error.path("error_subcode").asText();
                }
            }
        } catch (Exception ignored) {
            // not a Graph error envelope: keep the HTTP status as the code
        }
        return new GraphError(status, code, subcode, message);
    }

    /**
     * @param retryable Meta codes where the same request may succeed later (throughput and rate limits)
     */
    public static Delivery delivery(WebApplicationException e, Set<String> retryable) {
        return delivery(read(e), retryable);
    }

    public static Delivery delivery(GraphError error, Set<String> retryable) {
        int status = error.status();
        return Delivery.failed(error.code(), error.message(),
                status >= 500 || status == 429 || retryable.contains(error.code()));
    }
}
