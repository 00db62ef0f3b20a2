package io.otklik.ingest.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import io.otklik.events.data.Channel;
import io.otklik.events.data.HandoffRequested;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The first line tells staff what kind of handoff they got: a follow-up call, an urgent one, or a plain one. */
class HandoffMessageTest {

    static HandoffRequested handoff(boolean urgent, String reason) {
        return new HandoffRequested(UUID.randomUUID(), "wa:1", Channel.WHATSAPP, "marina", "on-duty", "100",
                "Клиент Иван не подтвердил запись на 27.11 15:00", urgent, Map.of(), reason,
                reason == null ? null : UUID.randomUUID());
    }

    @Test
    void aFollowUpAsksForACallAndTheOthersKeepTheirHeaders() {
        assertThat(HandoffMessage.text(handoff(false, HandoffRequested.NOT_CONFIRMED), null))
                .isEqualTo("📞 Клиент не подтвердил запись: позвоните ему\n\nКлиент Иван не подтвердил запись на"
                        + " 27.11 15:00\n\nКанал: WhatsApp");
        assertThat(HandoffMessage.text(handoff(false, null), "https://x/c/1"))
                .startsWith("🔔 Клиенту нужен сотрудник\n\n").endsWith("\nДиалог: https://x/c/1");
        assertThat(HandoffMessage.text(handoff(true, null), null)).startsWith("🔴 СРОЧНО: клиенту нужен сотрудник");
    }
}
