package io.otklik.crm.amocrm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.otklik.crm.CrmOutcome;

/**
 * Reads an amoCRM error answer ({@code application/problem+json}: {@code title}, {@code status}, {@code detail},
 * {@code validation-errors}) and decides whether trying again may help: 429 (over 7 requests a second), 5xx and 408
 * may; 401 (a bad or expired token), 402 (the account is not paid), 403 (no rights, or the account or IP blocked after
 * repeated 429s: hammering it would keep it blocked) and 400 (validation) may not.
 */
public final class AmoCrmErrors {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AmoCrmErrors() {
    }

    public static CrmOutcome fromResponse(int httpStatus, String body) {
        String code = "HTTP_" + httpStatus;
        String detail = null;
        if (body != null && !body.isBlank()) {
            try {
                JsonNode problem = JSON.readTree(body);
                String title = text(problem.path("title"));
                if (title != null) {
                    code = title.replaceAll("[^A-Za-z0-9]+", "_").replaceAll("^_|_$", "");
                }
                detail = text(problem.path("detail"));
                JsonNode validation = problem.path("validation-errors");
                if (validation.isArray() && !validation.isEmpty()) {
                    // the first failing path, e.g. custom_fields_values.0.field_code: which setting to fix
                    JsonNode first = validation.get(0).path("errors").path(0);
                    detail = (detail == null ? "" : detail + ": ") + text(first.path("path")) + " "
                            + text(first.path("code"));
                }
            } catch (Exception ignored) {
                // not amoCRM's problem document (a proxy's page): the HTTP status says enough
            }
        }
        return CrmOutcome.failed(httpStatus, code, detail, retryable(httpStatus));
    }

    static boolean retryable(int httpStatus) {
        return httpStatus == 429 || httpStatus == 408 || httpStatus >= 500;
    }

    private static String text(JsonNode node) {
        return node.isMissingNode() || node.isNull() || node.asText().isBlank() ? null : node.asText();
    }
}
