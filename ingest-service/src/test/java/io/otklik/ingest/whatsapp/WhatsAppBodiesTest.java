package io.otklik.ingest.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import io.otklik.events.EventJson;
import io.otklik.events.data.Button;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The Cloud API bodies of a free-text reply with 0, 2, 5 and 12 buttons. */
class WhatsAppBodiesTest {

    static String json(Object body) throws Exception {
        return EventJson.mapper().writeValueAsString(body);
    }

    static com.fasterxml.jackson.databind.JsonNode tree(Object body) throws Exception {
        return EventJson.mapper().readTree(json(body));
    }

    static List<Button> buttons(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> new Button("b" + i, "Вариант " + i)).toList();
    }

    @Test
    void upToThreeButtonsAreReplyButtonsFourToTenAListMoreANumberedText() throws Exception {
        assertThat(tree(WhatsAppSender.textBodies("7916", "Привет", List.of()))).isEqualTo(EventJson.mapper().readTree(
                "[{\"messaging_product\":\"whatsapp\",\"recipient_type\":\"individual\",\"to\":\"7916\","
                        + "\"type\":\"text\",\"text\":{\"preview_url\":false,\"body\":\"Привет\"}}]"));
        var buttons = tree(WhatsAppSender.textBodies("7916", "Когда?", buttons(2)).get(0));
        assertThat(buttons.path("type").asText()).isEqualTo("interactive");
        assertThat(buttons.path("interactive").path("type").asText()).isEqualTo("button");
        assertThat(buttons.path("interactive").path("action").path("buttons").get(1))
                .isEqualTo(EventJson.mapper().readTree("{\"type\":\"reply\",\"reply\":{\"id\":\"b2\","
                        + "\"title\":\"Вариант 2\"}}"));
        var list = tree(WhatsAppSender.textBodies("7916", "Когда?", buttons(5)).get(0));
        assertThat(list.path("interactive").path("type").asText()).isEqualTo("list");
        assertThat(list.path("interactive").path("action").path("button").asText()).isEqualTo("Выбрать");
        assertThat(list.path("interactive").path("action").path("sections").get(0).path("rows").get(4))
                .isEqualTo(EventJson.mapper().readTree("{\"id\":\"b5\",\"title\":\"Вариант 5\"}"));
        String numbered = json(WhatsAppSender.textBodies("7916", "Когда?", buttons(12)).get(0));
        assertThat(numbered).contains("\"type\":\"text\"").contains("Когда?\\n\\n1. Вариант 1\\n2. Вариант 2")
                .contains("12. Вариант 12");
    }

    @Test
    void aLongTextWithButtonsKeepsTheInteractiveBodyUnder1024Characters() throws Exception {
        String text = "слово ".repeat(300).strip();
        var bodies = WhatsAppSender.textBodies("7916", text, buttons(1));
        assertThat(bodies).hasSize(2);
        assertThat(bodies.get(0).get("type")).isEqualTo("text");
        assertThat(bodies.get(1).get("type")).isEqualTo("interactive");
        assertThat(json(bodies.get(1))).hasSizeLessThan(1024 + 300);
    }
}
