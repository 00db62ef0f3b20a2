package io.otklik.ingest.handoff;

import io.otklik.events.data.LeadRouted;

/** The short Russian alert a staff member reads in Telegram when a routing rule with {@code + notify} gives them a lead. */
public final class LeadAlertMessage {

    private LeadAlertMessage() {
    }

    /** @param link the conversation's page, or null when none can be signed */
    public static String text(LeadRouted routed, String link) {
        StringBuilder text = new StringBuilder("P1".equals(routed.priority())
                ? "🔴 Новая заявка для вас" : "🔔 Новая заявка для вас");
        text.append("\nПриоритет: ").append(priority(routed.priority()));
        if (routed.reason() != null && !routed.reason().isBlank()) {
            text.append("\nПравило: ").append(routed.reason().strip());
        }
        String summary = routed.summary() == null ? "" : routed.summary().strip();
        if (summary.length() > HandoffMessage.SUMMARY_LIMIT) {
            summary = summary.substring(0, HandoffMessage.SUMMARY_LIMIT - 1).stripTrailing() + "…";
        }
        if (!summary.isEmpty()) {
            text.append("\n\n").append(summary);
        }
        if (link != null) {
            text.append("\n\nДиалог: ").append(link);
        }
        return text.toString();
    }

    static String priority(String priority) {
        if (priority == null) {
            return "не указан";
        }
        return switch (priority) {
            case "P1" -> "P1 — ответить сейчас";
            case "P2" -> "P2 — ответить в ближайшее время";
            case "P3" -> "P3 — когда будет удобно";
            default -> priority;
        };
    }
}
