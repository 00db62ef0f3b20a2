package io.otklik.ingest.handoff;

import io.otklik.events.data.Channel;
import io.otklik.events.data.HandoffRequested;

/** The short Russian message a staff member reads in Telegram when a conversation is handed to them. */
public final class HandoffMessage {

    /** Keeps the message short: the staff member opens the link for the rest. */
    static final int SUMMARY_LIMIT = 1500;

    private HandoffMessage() {
    }

    /** @param link the conversation's page, or null when none can be signed */
    public static String text(HandoffRequested handoff, String link) {
        StringBuilder text = new StringBuilder(handoff.followUp() ? "📞 Клиент не подтвердил запись: позвоните ему"
                : handoff.urgent() ? "🔴 СРОЧНО: клиенту нужен сотрудник"
                : "🔔 Клиенту нужен сотрудник");
        String summary = handoff.summary() == null ? "" : handoff.summary().strip();
        if (summary.length() > SUMMARY_LIMIT) {
            summary = summary.substring(0, SUMMARY_LIMIT - 1).stripTrailing() + "…";
        }
        if (!summary.isEmpty()) {
            text.append("\n\n").append(summary);
        }
        text.append("\n\nКанал: ").append(channel(handoff.channel()));
        if (link != null) {
            text.append("\nДиалог: ").append(link);
        }
        return text.toString();
    }

    public static String channel(Channel channel) {
        if (channel == null) {
            return "не указан";
        }
        return switch (channel) {
            case WHATSAPP -> "WhatsApp";
            case TELEGRAM -> "Telegram";
            case INSTAGRAM -> "Instagram";
            case WEB_FORM -> "форма на сайте";
        };
    }
}
