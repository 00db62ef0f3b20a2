package io.otklik.routing.lead;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * What the person taking over reads first in Telegram, at most {@link #MAX_LINES} lines: who, what, when, channel
 * and the client's last messages. It carries the client's real name and phone (staff need them), so it is never
 * logged. Pure.
 */
public final class HandoffSummary {

    public static final int MAX_LINES = 5;
    /** A line is cut to this many characters. */
    static final int MAX_LINE = 300;
    /** At most this many of the client's last messages are quoted. */
    public static final int MAX_QUOTES = 3;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM HH:mm");

    private HandoffSummary() {
    }

    /**
     * @param clientName     the client's name or null
     * @param phone          E.164 or null
     * @param repeatClient   the client was known before
     * @param what           the lead's topic and the reason for the handoff, e.g. "Жалоба — жалоба клиента"
     * @param urgent         nlu flagged the request urgent
     * @param firstMessageAt when the client first wrote in this conversation
     * @param waitingSince   the client's first message the bot has not answered, or null
     * @param channel        the channel's name as people say it ("WhatsApp")
     * @param lastMessages   the client's messages, oldest first (the last {@link #MAX_QUOTES} are quoted)
     */
    public record Input(String clientName, String phone, boolean repeatClient, String what, boolean urgent,
                        Instant firstMessageAt, Instant waitingSince, Instant now, ZoneId zone, String channel,
                        List<String> lastMessages) {
    }

    public static String of(Input in) {
        List<String> lines = new ArrayList<>();
        String who = String.join(", ", nonBlank(in.clientName(), in.phone()));
        lines.add("Кто: " + (who.isEmpty() ? "клиент без имени" : who) + " (" + (in.repeatClient() ? "повторный"
                : "новый") + ")");
        lines.add("Что: " + in.what() + (in.urgent() ? " — СРОЧНО" : ""));
        String when = "Когда: " + WHEN.format(in.firstMessageAt().atZone(in.zone()));
        if (in.waitingSince() != null) {
            long minutes = Math.max(0, Duration.between(in.waitingSince(), in.now()).toMinutes());
            when += ", ждёт ответа " + minutes + " мин";
        }
        lines.add(when);
        lines.add("Канал: " + in.channel());
        List<String> quotes = new ArrayList<>();
        List<String> messages = in.lastMessages() == null ? List.of() : in.lastMessages();
        for (String m : messages.subList(Math.max(0, messages.size() - MAX_QUOTES), messages.size())) {
            if (m != null && !m.isBlank()) {
                quotes.add("«" + m.strip().replaceAll("\\s+", " ") + "»");
            }
        }
        if (!quotes.isEmpty()) {
            lines.add("Последние сообщения: " + String.join(" / ", quotes));
        }
        return String.join("\n", lines.stream().map(HandoffSummary::cut).toList());
    }

    private static List<String> nonBlank(String... values) {
        List<String> out = new ArrayList<>();
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                out.add(v.strip());
            }
        }
        return out;
    }

    private static String cut(String line) {
        return line.length() <= MAX_LINE ? line : line.substring(0, MAX_LINE - 1) + "…";
    }
}
