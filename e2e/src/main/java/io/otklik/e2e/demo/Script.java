package io.otklik.e2e.demo;

import java.util.List;
import java.util.Map;

/**
 * One demo conversation: who writes, to which business, on which channel, and what they write turn by turn.
 *
 * @param phone            the client's phone (WhatsApp number, or left in a web form; null if none)
 * @param telegramChatId   the client's Telegram chat id (Telegram only)
 * @param instagramId      the client's Instagram-scoped id (Instagram only)
 * @param storyUrl         the first Instagram message replies to this story of the business (null if not)
 * @param redeliverFirst   the channel delivers the first message twice (a webhook retry), to show deduplication
 */
public record Script(String tenant, String channel, String clientName, String phone, long telegramChatId,
                     String instagramId, String storyUrl, Map<String, String> utm, boolean redeliverFirst,
                     List<String> turns) {

    static Script whatsApp(String tenant, String name, String phone, String... turns) {
        return new Script(tenant, "WHATSAPP", name, phone, 0, null, null, Map.of(), false, List.of(turns));
    }

    static Script telegram(String tenant, String name, long chatId, String... turns) {
        return new Script(tenant, "TELEGRAM", name, null, chatId, null, null, Map.of(), false, List.of(turns));
    }

    static Script instagram(String tenant, String name, String igsid, String storyUrl, String... turns) {
        return new Script(tenant, "INSTAGRAM", name, null, 0, igsid, storyUrl, Map.of(), false, List.of(turns));
    }

    static Script webForm(String tenant, String name, String phone, Map<String, String> utm, String... turns) {
        return new Script(tenant, "WEB_FORM", name, phone, 0, null, null, utm, false, List.of(turns));
    }

    Script redelivered() {
        return new Script(tenant, channel, clientName, phone, telegramChatId, instagramId, storyUrl, utm, true,
                turns);
    }

    /** The WhatsApp wa_id: the phone's digits without '+'. */
    String waId() {
        return phone.replaceAll("[^0-9]", "");
    }
}
