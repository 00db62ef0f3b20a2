package io.otklik.routing.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The handoff summary: who, what, when, channel and the last messages, in at most five lines. */
class HandoffSummaryTest {

    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    static final Instant FIRST = Instant.parse("2026-11-25T11:05:00Z");

    @Test
    void fiveLinesWithWhoWhatWhenChannelAndTheLastMessages() {
        String s = HandoffSummary.of(new HandoffSummary.Input("Светлана", "+79152223344", true,
                "Жалоба — жалоба клиента", true, FIRST, FIRST.plusSeconds(60), FIRST.plusSeconds(7 * 60 + 60),
                MOSCOW, "WhatsApp", List.of("Здравствуйте", "Я вчера была у вас", "Мне испортили стрижку!",
                        "Верните деньги")));
        assertThat(s.lines()).containsExactly(
                "Кто: Светлана, +79152223344 (повторный)",
                "Что: Жалоба — жалоба клиента — СРОЧНО",
                "Когда: 25.11 14:05, ждёт ответа 7 мин",
                "Канал: WhatsApp",
                "Последние сообщения: «Я вчера была у вас» / «Мне испортили стрижку!» / «Верните деньги»");
    }

    @Test
    void withoutNameMessagesOrWaitingItIsShorterAndLongTextIsCut() {
        String s = HandoffSummary.of(new HandoffSummary.Input(null, " ", false, "Вопрос", false, FIRST, null,
                FIRST, MOSCOW, "Telegram", List.of()));
        assertThat(s.lines()).containsExactly("Кто: клиент без имени (новый)", "Что: Вопрос", "Когда: 25.11 14:05",
                "Канал: Telegram");

        String longText = "слово ".repeat(200);
        String cut = HandoffSummary.of(new HandoffSummary.Input("Иван", null, false, "Просит связаться с человеком",
                false, FIRST, FIRST, FIRST, MOSCOW, "Instagram", List.of("первая\nстрока\nвторая", longText)));
        assertThat(cut.lines()).hasSizeLessThanOrEqualTo(HandoffSummary.MAX_LINES);
        assertThat(cut.lines().toList().get(4)).hasSize(HandoffSummary.MAX_LINE).endsWith("…")
                .startsWith("Последние сообщения: «первая строка вторая» / «слово слово");
    }
}
