package io.otklik.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class WhatsAppWebhooksTest {

    /** The test vector of /work/shared/reference/wire-formats.md §1.2 (the body is that file's 469 bytes). */
    private static final String VECTOR_BODY = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":"
            + "\"102290129340398\",\"changes\":[{\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":"
            + "{\"display_phone_number\":\"15550783881\",\"phone_number_id\":\"106540352242922\"},\"contacts\":"
            + "[{\"profile\":{\"name\":\"Ivan\"},\"wa_id\":\"79161234567\"}],\"messages\":[{\"from\":\"79161234567\","
            + "\"id\":\"wamid.TEST1\",\"timestamp\":\"1739321024\",\"type\":\"text\",\"text\":{\"body\":"
            + "\"\\u0417\\u0430\\u043f\\u0438\\u0441\\u0430\\u0442\\u044c\\u0441\\u044f\"}}]},\"field\":"
            + "\"messages\"}]}]}";

    @Test
    void signsLikeMeta() throws Exception {
        byte[] body = VECTOR_BODY.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        Path reference = Path.of("/work/shared/reference/whatsapp-signed-body.json");
        if (Files.isRegularFile(reference)) {
            assertThat(body).isEqualTo(Files.readAllBytes(reference));
        }
        assertThat(body).hasSize(469);
        assertThat(new WhatsAppWebhooks("106540352242922", "test_app_secret").sign(body))
                .isEqualTo("sha256=2bae239039268fc098653ee3e35521210ec0905557275a7478557c784e100f47");
    }

    @Test
    void theBodyIsAWhatsAppTextMessageWithTheGivenIdsAndMetaStyleEscapes() throws Exception {
        WhatsAppWebhooks hooks = new WhatsAppWebhooks("106540352242922", "s");
        byte[] body = hooks.textMessage("wamid.BENCHX.run.7", "79160000042", "Bench 42", 1, 1739321024);
        assertThat(new String(body, java.nio.charset.StandardCharsets.US_ASCII)).contains("\\u0421");
        JsonNode value = new ObjectMapper().readTree(body).path("entry").path(0).path("changes").path(0)
                .path("value");
        assertThat(value.path("metadata").path("phone_number_id").asText()).isEqualTo("106540352242922");
        JsonNode m = value.path("messages").path(0);
        assertThat(m.path("id").asText()).isEqualTo("wamid.BENCHX.run.7");
        assertThat(m.path("from").asText()).isEqualTo("79160000042");
        assertThat(m.path("timestamp").asText()).isEqualTo("1739321024");
        assertThat(m.path("text").path("body").asText()).isEqualTo("Сколько стоит маникюр?");
        assertThat(value.path("contacts").path(0).path("wa_id").asText()).isEqualTo("79160000042");
    }
}
