package io.otklik.ingest.sandbox;

import io.otklik.events.data.Button;
import io.otklik.events.data.ReplyDrafted;
import io.otklik.ingest.handoff.HandoffMessage;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Russian message a reviewer reads in Telegram for a sandbox draft, its two buttons, and how a press of them is
 * read back ({@code draft:approve:<draftId>} / {@code draft:reject:<draftId>}: 50 bytes, within Telegram's 64).
 */
public final class DraftMessage {

    /** callback_data prefix of the draft buttons; a press with it is never a client's message. */
    public static final String PREFIX = "draft:";
    /** Each quoted text is cut to this, so the whole message stays within one Telegram message (4096). */
    static final int QUOTE_LIMIT = 1500;
    private static final Pattern DATA = Pattern.compile(
            "^draft:(approve|reject):([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$");

    private DraftMessage() {
    }

    /** A press of a draft button. */
    public record Press(UUID draftId, boolean approve) {
    }

    /** @param link the conversation's page, or null when none can be signed */
    public static String text(ReplyDrafted d, String link) {
        StringBuilder text = new StringBuilder("🧪 Песочница: бот подготовил ответ клиенту (")
                .append(HandoffMessage.channel(d.channel())).append(")");
        text.append("\n\nКлиент написал:\n«").append(cut(d.clientText())).append("»");
        text.append("\n\nЧерновик ответа:\n«").append(cut(d.draftText())).append("»");
        if (d.summary() != null && !d.summary().isBlank()) {
            text.append("\n\nТема: ").append(cut(d.summary().strip()));
        }
        if (link != null) {
            text.append("\n\nДиалог: ").append(link);
        }
        text.append("\n\n«Отправить» — клиент получит этот ответ. «Отклонить» — бот промолчит, ответьте клиенту сами.");
        return text.toString();
    }

    public static List<Button> buttons(UUID draftId) {
        return List.of(new Button(PREFIX + "approve:" + draftId, "Отправить"),
                new Button(PREFIX + "reject:" + draftId, "Отклонить"));
    }

    /** The press a callback_data stands for; empty when it is not exactly a draft button's. */
    public static Optional<Press> press(String data) {
        Matcher m = data == null ? null : DATA.matcher(data);
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new Press(UUID.fromString(m.group(2)), "approve".equals(m.group(1))));
    }

    private static String cut(String s) {
        String text = s == null ? "" : s.strip();
        return text.length() > QUOTE_LIMIT ? text.substring(0, QUOTE_LIMIT - 1).stripTrailing() + "…" : text;
    }
}
