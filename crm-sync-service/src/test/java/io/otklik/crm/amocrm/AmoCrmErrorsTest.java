package io.otklik.crm.amocrm;

import static org.assertj.core.api.Assertions.assertThat;

import io.otklik.crm.CrmOutcome;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AmoCrmErrorsTest {

    @Test
    void limitsAndOutagesAreRetriedAuthRightsAndValidationAreNot() {
        assertThat(AmoCrmErrors.fromResponse(429, null).retryable()).isTrue();
        assertThat(AmoCrmErrors.fromResponse(502, "<html>bad gateway</html>"))
                .satisfies(o -> {
                    assertThat(o.retryable()).isTrue();
                    assertThat(o.errorCode()).isEqualTo("HTTP_502");
                });
        assertThat(AmoCrmErrors.fromResponse(401, "{\"title\":\"Unauthorized\",\"type\":\"https://httpstatus.es/401\","
                + "\"status\":401,\"detail\":\"Authorization required\"}")).isEqualTo(CrmOutcome.failed(401,
                "Unauthorized", "Authorization required", false));
        assertThat(AmoCrmErrors.fromResponse(403, null).retryable()).isFalse();
        assertThat(AmoCrmErrors.fromResponse(402, null).retryable()).isFalse();
    }

    @Test
    void aValidationErrorNamesTheFailingPath() {
        CrmOutcome outcome = AmoCrmErrors.fromResponse(400, """
                { "validation-errors": [ { "request_id": "0", "errors": [
                    { "code": "NotSupportedChoice", "path": "custom_fields_values.0.field_id",
                      "detail": "The value you selected is not a valid choice." } ] } ],
                  "title": "Bad Request", "type": "https://httpstatus.es/400", "status": 400,
                  "detail": "Request validation failed" }""");
        assertThat(outcome.retryable()).isFalse();
        assertThat(outcome.describe()).isEqualTo("Bad_Request (HTTP 400): Request validation failed:"
                + " custom_fields_values.0.field_id NotSupportedChoice");
    }

    @Test
    void retryAfterInSecondsIsHonouredAndAnythingElseIgnored() {
        assertThat(AmoCrmClient.retryAfter("3")).contains(Duration.ofSeconds(3));
        assertThat(AmoCrmClient.retryAfter("Wed, 21 Oct 2026 07:28:00 GMT")).isEmpty();
        assertThat(AmoCrmClient.retryAfter(null)).isEmpty();
    }
}
