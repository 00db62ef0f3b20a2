package io.otklik.crm.bitrix24;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.otklik.crm.CrmOutcome;
import jakarta.ws.rs.WebApplicationException;

/**
 * Reads a Bitrix24 error answer ({@code {"error":"QUERY_LIMIT_EXCEEDED","error_description":"..."}}) and decides
 * whether it is worth trying again: limits (503 QUERY_LIMIT_EXCEEDED, 429 OPERATION_TIME_LIMIT) and server errors
 * are; a bad webhook code (401 NO_AUTH_FOUND, expired_token), missing rights (403) or a bad request (400) are not.
 */
public final class Bitrix24Errors {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Bitrix24Errors() {
    }

    /**
     * A failed call as an outcome: the portal's error answer (an HTTP error status), or no answer at all — a timeout
     * or an unreachable portal, both worth trying again. Exception messages (which may contain the webhook URL) are
     * never kept, only the exception's class name.
     */
    public static CrmOutcome fromFailure(Throwable e) {
        if (e instanceof WebApplicationException w) {
            var response = w.getResponse();
            String body;
            try {
                body = response.readEntity(String.class);
            } catch (RuntimeException unreadable) {
                body = null;
            }
            return fromResponse(response.getStatus(), body);
        }
        boolean timeout = false;
        for (Throwable t = e; t != null; t = t.getCause()) {
            timeout |= t.getClass().getSimpleName().contains("Timeout");
        }
        return CrmOutcome.failed(0, timeout ? "timeout" : "unreachable",
                "no answer from the portal: " + e.getClass().getSimpleName(), true);
    }

    public static CrmOutcome fromResponse(int httpStatus, String body) {
        String code = null;
        String description = null;
        if (body != null && !body.isBlank()) {
            try {
                JsonNode error = JSON.readTree(body);
                code = text(error.path("error"));
                description = text(error.path("error_description"));
            } catch (Exception ignored) {
                // not Bitrix24's error envelope (a proxy's HTML page): the HTTP status says enough
            }
        }
        if (code == null) {
            // method-level errors may come with an empty code
            code = "HTTP_" + httpStatus;
        }
        return CrmOutcome.failed(httpStatus, code, description, retryable(httpStatus));
    }

    static boolean retryable(int httpStatus) {
        return httpStatus == 429 || httpStatus == 408 || httpStatus >= 500;
    }

    private static String text(JsonNode node) {
        return node.isMissingNode() || node.isNull() || node.asText().isBlank() ? null : node.asText();
    }
}
