package io.otklik.crm.bitrix24;

import static org.assertj.core.api.Assertions.assertThat;

import io.otklik.crm.CrmOutcome;
import org.junit.jupiter.api.Test;

/** Which Bitrix24 errors are retried (limits, server errors) and which fail at once (auth, scope, bad request). */
class Bitrix24ErrorsTest {

    @Test
    void limitsAndServerErrorsAreRetryable() {
        CrmOutcome limit = Bitrix24Errors.fromResponse(503,
                "{\"error\":\"QUERY_LIMIT_EXCEEDED\",\"error_description\":\"Too many requests\"}");
        assertThat(limit.ok()).isFalse();
        assertThat(limit.retryable()).isTrue();
        assertThat(limit.errorCode()).isEqualTo("QUERY_LIMIT_EXCEEDED");
        assertThat(limit.describe()).isEqualTo("QUERY_LIMIT_EXCEEDED (HTTP 503): Too many requests");
        assertThat(Bitrix24Errors.fromResponse(429, "{\"error\":\"OPERATION_TIME_LIMIT\",\"error_description\":"
                + "\"Method is blocked due to operation time limit.\"}").retryable()).isTrue();
        assertThat(Bitrix24Errors.fromResponse(500, "{\"error\":\"INTERNAL_SERVER_ERROR\"}").retryable()).isTrue();
        CrmOutcome gateway = Bitrix24Errors.fromResponse(502, "<html>Bad Gateway</html>");
        assertThat(gateway.retryable()).isTrue();
        assertThat(gateway.errorCode()).isEqualTo("HTTP_502");
    }

    @Test
    void authScopeAndRequestErrorsAreFinal() {
        CrmOutcome noAuth = Bitrix24Errors.fromResponse(401,
                "{\"error\":\"NO_AUTH_FOUND\",\"error_description\":\"Wrong authorization data\"}");
        assertThat(noAuth.retryable()).isFalse();
        assertThat(noAuth.errorCode()).isEqualTo("NO_AUTH_FOUND");
        CrmOutcome expired = Bitrix24Errors.fromResponse(401,
                "{\"error\":\"expired_token\",\"error_description\":\"The access token provided has expired.\"}");
        assertThat(expired.retryable()).isFalse();
        assertThat(expired.errorCode()).isEqualTo("expired_token");
        assertThat(Bitrix24Errors.fromResponse(403, "{\"error\":\"insufficient_scope\"}").retryable()).isFalse();
        CrmOutcome denied = Bitrix24Errors.fromResponse(400, "{\"error\":\"\",\"error_description\":\"Access denied.\"}");
        assertThat(denied.retryable()).isFalse();
        assertThat(denied.errorCode()).isEqualTo("HTTP_400");
        assertThat(denied.reason()).isEqualTo("Access denied.");
    }
}
