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

    static List<Button> buttons(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> new Button("b" + i, "Вариант " + i)).toList();
    }

    @Test
    void upToThreeButtonsAreReplyButtonsFourToTenAListMoreANumberedText() throws Exception {
        assertThat(json(WhatsAppSender.textBodies("7916", "Привет", List.of()))).isEqualTo(
                "[{\"messaging_product\":\"whatsapp\",\"recipient_type\":\"individual\",\"to\":\"7916\","
                        + "\"type\":\"text\",\"text\":{\"preview_url\":false,\"body\":\"Привет\"}}]");
        assertThat(json(WhatsAppSender.textBodies("7916", "Когда?", buttons(2)).get(0)))
                .contains("\"type\":\"interactive\"").contains("\"type\":\"button\"")
                .contains("{\"type\":\"reply\",\"reply\":{\"id\":\"b2\",\"title\":\"Вариант 2\"}}");
        String list = json(WhatsAppSender.textBodies("7916", "Когда?", buttons(5)).get(0));
        assertThat(list).contains("\"type\":\"list\"").contains("\"button\":\"Выбрать\"")
                .contains("{\"id\":\"b5\",\"title\":\"Вариант 5\"}");
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
