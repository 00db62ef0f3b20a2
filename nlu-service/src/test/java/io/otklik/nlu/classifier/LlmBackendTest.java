package io.otklik.nlu.classifier;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.otklik.events.data.Classification;
import io.otklik.nlu.entities.EntityExtractor;
import io.otklik.nlu.model.FallbackPolicy;
import io.otklik.nlu.model.IntentModel;
import io.otklik.platform.tenant.Tenant;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The optional LLM backend against a WireMock server speaking OpenAI's chat-completions format: its answer is used
 * when it comes in time and makes sense; a timeout, an error or nonsense gives the embedded model's answer.
 */
class LlmBackendTest {

    static final ZonedDateTime NOW = ZonedDateTime.of(2026, 11, 25, 10, 0, 0, 0, ZoneId.of("Europe/Moscow"));
    static WireMockServer llm;
    static EmbeddedClassifier embedded;

    SimpleMeterRegistry meters;
    Understander understander;

    @BeforeAll
    static void start() {
        llm = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        llm.start();
        embedded = new EmbeddedClassifier(IntentModel.load(), new EntityExtractor(), FallbackPolicy.DEFAULT);
    }

    @AfterAll
    static void stop() {
        llm.stop();
    }

    @BeforeEach
    void fresh() {
        llm.resetAll();
        meters = new SimpleMeterRegistry();
        understander = new Understander(embedded, new LlmClassifier(HttpClient.newHttpClient(), new ObjectMapper()),
                ref -> Optional.ofNullable(Map.of("OTKLIK_TEST_LLM_KEY", "sk-test").get(ref)), meters);
    }

    static Tenant salonWithLlm(Integer timeoutMillis) {
        Tenant s = DemoTenants.SALON;
        return new Tenant(s.id(), s.name(), s.timezone(), s.segment(), s.apiKeyEnv(), s.channels(), s.crm(),
                s.hours(), s.staff(), s.services(), s.reminders(), s.sms(), new Tenant.Nlu(0.5, 0.1,
                new Tenant.Llm(llm.baseUrl() + "/v1", "yandexgpt-lite", "OTKLIK_TEST_LLM_KEY", timeoutMillis)));
    }

    static String completion(String content) {
        return """
                {"id":"chatcmpl-1","object":"chat.completion","created":1764064800,"model":"yandexgpt-lite",
                 "choices":[{"index":0,"message":{"role":"assistant","content":%s},"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":120,"completion_tokens":12,"total_tokens":132}}"""
                .formatted(new ObjectMapper().valueToTree(content).toString());
    }

    Classification understand(Tenant tenant, String text) {
        return understander.understand(text, tenant, NOW).await().atMost(Duration.ofSeconds(10)).classification();
    }

    double count(String outcome) {
        return meters.counter("otklik_nlu_llm_calls_total", "outcome", outcome).count();
    }

    @Test
    void theLlmsAnswerIsUsedWithOurEntitiesAndTheRequestIsOpenAiShaped() {
        llm.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(completion("{\"intent\":\"RESCHEDULE\",\"confidence\":0.93,\"urgent\":false}"))));

        Classification c = understand(salonWithLlm(null), "а можно мою стрижку завтра в 15 сдвинуть?");

        assertThat(c.intent()).isEqualTo("RESCHEDULE");
        assertThat(c.confidence()).isEqualTo(0.93);
        assertThat(c.fallback()).isFalse();
        assertThat(c.model()).isEqualTo("llm:yandexgpt-lite");
        assertThat(c.entities().service()).as("entities stay ours").isEqualTo("haircut");
        assertThat(c.entities().time()).isEqualTo(java.time.LocalTime.of(15, 0));
        assertThat(count("ok")).isEqualTo(1);
        llm.verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withHeader("Authorization", equalTo("Bearer sk-test"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(matchingJsonPath("$.model", equalTo("yandexgpt-lite")))
                .withRequestBody(matchingJsonPath("$.response_format.type", equalTo("json_object")))
                .withRequestBody(matchingJsonPath("$.messages[0].role", equalTo("system")))
                .withRequestBody(matchingJsonPath("$.messages[1].content",
                        equalTo("а можно мою стрижку завтра в 15 сдвинуть?"))));
    }

    @Test
    void aFencedAnswerIsReadAndALowConfidenceIsAFallback() {
        llm.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(200)
                .withBody(completion("```json\n{\"intent\":\"info\",\"confidence\":0.3}\n```"))));
        Classification c = understand(salonWithLlm(null), "а у вас есть кофе?");
        assertThat(c.intent()).isEqualTo("INFO");
        assertThat(c.fallback()).as("0.3 is below the tenant's 0.5").isTrue();
    }

    @Test
    void aSlowLlmIsAnsweredByTheEmbeddedModelWhenItsTimeoutPasses() {
        llm.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(200).withFixedDelay(5_000)
                .withBody(completion("{\"intent\":\"COMPLAINT\",\"confidence\":0.99}"))));
        long t0 = System.nanoTime();
        Classification c = understand(salonWithLlm(300), "Хочу записаться на маникюр в субботу");
        long tookMs = (System.nanoTime() - t0) / 1_000_000;

        assertThat(c.model()).matches("embedded-maxent-[0-9a-f]{10}");
        assertThat(c.intent()).isEqualTo("BOOK");
        assertThat(tookMs).as("answered when the timeout passed, not when the LLM did").isLessThan(4_000);
        assertThat(count("timeout")).isEqualTo(1);
    }

    @Test
    void theDefaultTimeoutIsOneAndAHalfSeconds() {
        assertThat(Understander.DEFAULT_TIMEOUT).isEqualTo(Duration.ofMillis(1500));
        llm.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(200).withFixedDelay(6_000)
                .withBody(completion("{\"intent\":\"OTHER\",\"confidence\":0.99}"))));
        long t0 = System.nanoTime();
        Classification c = understand(salonWithLlm(null), "Сколько стоит окрашивание?");
        long tookMs = (System.nanoTime() - t0) / 1_000_000;
        assertThat(c.model()).startsWith("embedded-maxent-");
        assertThat(c.intent()).isEqualTo("PRICE");
        assertThat(tookMs).isBetween(1_400L, 5_000L);
    }

    @Test
    void errorsAndNonsenseAreAnsweredByTheEmbeddedModel() {
        Tenant tenant = salonWithLlm(null);
        llm.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(500)
                .withBody("{\"error\":{\"message\":\"internal\",\"type\":\"server_error\"}}")));
        assertThat(understand(tenant, "Сколько стоит окрашивание?").model()).startsWith("embedded-maxent-");

        llm.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(429)
                .withBody("{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\"}}")));
        assertThat(understand(tenant, "Сколько стоит окрашивание?").model()).startsWith("embedded-maxent-");

        llm.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(200)
                .withBody(completion("Клиент хочет узнать цену."))));
        assertThat(understand(tenant, "Сколько стоит окрашивание?").model()).startsWith("embedded-maxent-");

        llm.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(200)
                .withBody(completion("{\"intent\":\"BUY\",\"confidence\":0.9}"))));
        assertThat(understand(tenant, "Сколько стоит окрашивание?").model()).startsWith("embedded-maxent-");

        llm.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(200)
                .withBody("{\"choices\":[]}")));
        Classification c = understand(tenant, "Сколько стоит окрашивание?");
        assertThat(c.model()).startsWith("embedded-maxent-");
        assertThat(c.intent()).isEqualTo("PRICE");
        assertThat(count("error")).isEqualTo(5);
        assertThat(count("ok")).isZero();
    }

    @Test
    void aTenantWithoutAnLlmNeverCallsOne() {
        Classification c = understand(DemoTenants.SALON, "Сколько стоит окрашивание?");
        assertThat(c.model()).startsWith("embedded-maxent-");
        assertThat(llm.getAllServeEvents()).isEmpty();
    }
}
