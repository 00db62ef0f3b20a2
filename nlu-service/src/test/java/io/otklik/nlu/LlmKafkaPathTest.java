package io.otklik.nlu;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.otklik.events.EventEnvelope;
import io.otklik.events.EventTypes;
import io.otklik.events.data.Classification;
import io.otklik.events.data.MessageReceived;
import io.otklik.testkit.KafkaEvents;
import io.otklik.testkit.OtklikInfraResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The Kafka path of a tenant with an LLM: message_received → the LLM (WireMock, OpenAI's format) → stored and
 * announced in the consuming transaction; a slow LLM is answered by the embedded model. The LLM is asked before the
 * transaction opens, and the answer comes back on the consumer's context (the database session lives there).
 */
@QuarkusTest
@TestProfile(LlmKafkaPathTest.LlmTenant.class)
@WithTestResource(value = OtklikInfraResource.class,
        initArgs = @ResourceArg(name = "database", value = "otklik_nlu_test"))
class LlmKafkaPathTest {

    static final WireMockServer LLM = new WireMockServer(WireMockConfiguration.options().dynamicPort()
            .bindAddress("127.0.0.1"));

    /** One tenant, "llm-salon", whose LLM is the WireMock server above (timeout 800 ms). */
    public static class LlmTenant implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            if (!LLM.isRunning()) {
                LLM.start();
            }
            try {
                Path file = Files.createTempFile("tenants-llm", ".yaml");
                Files.writeString(file, """
                        tenants:
                          - id: llm-salon
                            name: "Салон с LLM"
                            timezone: Europe/Moscow
                            segment: salon
                            apiKeyEnv: OTKLIK_LLM_SALON_API_KEY
                            services:
                              - { code: haircut, name: "Стрижка", price: 1500, durationMinutes: 60, keywords: ["стрижк"] }
                            nlu:
                              fallbackThreshold: 0.5
                              llm: { baseUrl: "%s/v1", model: "test-gpt", apiKeyEnv: OTKLIK_LLM_SALON_LLM_KEY,
                                     timeoutMillis: 800 }
                        """.formatted(LLM.baseUrl()));
                file.toFile().deleteOnExit();
                return Map.of("otklik.tenants.file", file.toString(), "OTKLIK_LLM_SALON_API_KEY", "llm-key",
                        "OTKLIK_LLM_SALON_LLM_KEY", "sk-llm");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;
    @ConfigProperty(name = "quarkus.datasource.username")
    String dbUser;

    static String completion(String content) {
        return "{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\""
                + content.replace("\"", "\\\"") + "\"},\"finish_reason\":\"stop\"}]}";
    }

    Classification classified(String text) {
        EventEnvelope<MessageReceived> event = Messages.received("llm-salon", text, Messages.SALON_MORNING);
        try (KafkaEvents.Listener out = KafkaEvents.listen(EventTypes.MESSAGE_CLASSIFIED.topic())) {
            KafkaEvents.send(event, event.subject());
            return out.await(EventTypes.MESSAGE_CLASSIFIED,
                    e -> e.data().message().messageId().equals(event.data().messageId()), Duration.ofSeconds(30))
                    .event().data().classification();
        }
    }

    @Test
    void theLlmAnswersOnTheKafkaPathAndASlowOneIsReplacedByTheEmbeddedModel() {
        LLM.stubFor(post("/v1/chat/completions").withRequestBody(containing("мою стрижку"))
                .willReturn(aResponse().withStatus(200).withFixedDelay(100)
                        .withBody(completion("{\"intent\":\"RESCHEDULE\",\"confidence\":0.91}"))));
        LLM.stubFor(post("/v1/chat/completions").withRequestBody(containing("Сколько стоит"))
                .willReturn(aResponse().withStatus(200).withFixedDelay(5_000)
                        .withBody(completion("{\"intent\":\"COMPLAINT\",\"confidence\":0.99}"))));

        Classification byLlm = classified("Можно мою стрижку на завтра в 15 передвинуть?");
        assertThat(byLlm.intent()).isEqualTo("RESCHEDULE");
        assertThat(byLlm.model()).isEqualTo("llm:test-gpt");
        assertThat(byLlm.entities().service()).isEqualTo("haircut");

        Classification slow = classified("Сколько стоит стрижка?");
        assertThat(slow.model()).as("the LLM took 5 s; the timeout is 800 ms").startsWith("embedded-maxent-");
        assertThat(slow.intent()).isEqualTo("PRICE");

        List<List<Object>> rows = Messages.rows(jdbcUrl, dbUser,
                "select count(*) from classification where tenant_id = ?", "llm-salon");
        assertThat(rows).containsExactly(List.of(2L));
    }
}
