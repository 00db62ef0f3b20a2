package io.otklik.ingest.sms;

import static org.assertj.core.api.Assertions.assertThat;

import io.otklik.events.EventJson;
import io.otklik.ingest.outbound.Delivery;
import org.junit.jupiter.api.Test;

/** Reading answers of the SMS.ru-shaped gateway: sent, per-number error, overall error, retryable codes. */
class SmsOutcomeTest {

    static Delivery outcome(String json) throws Exception {
        return SmsSender.outcome(EventJson.mapper().readTree(json), "79161234567");
    }

    @Test
    void answersBecomeDeliveries() throws Exception {
        assertThat(outcome("""
                {"status":"OK","status_code":100,"sms":{"79161234567":{"status":"OK","status_code":100,
                 "sms_id":"000000-10000001"}},"balance":4122.56}""")).isEqualTo(Delivery.sent("000000-10000001"));
        Delivery refused = outcome("""
                {"status":"OK","status_code":100,"sms":{"79161234567":{"status":"ERROR","status_code":202,
                 "status_text":"Неправильно указан номер телефона получателя"}}}""");
        assertThat(refused.errorCode()).isEqualTo("sms_202");
        assertThat(refused.retryable()).isFalse();
        Delivery badKey = outcome("{\"status\":\"ERROR\",\"status_code\":200,\"status_text\":\"Неправильный api_id\"}");
        assertThat(badKey.errorCode()).isEqualTo("sms_200");
        assertThat(badKey.reason()).contains("Неправильный api_id");
        assertThat(outcome("{\"status\":\"ERROR\",\"status_code\":220,\"status_text\":\"Сервис недоступен\"}")
                .retryable()).isTrue();
    }
}
