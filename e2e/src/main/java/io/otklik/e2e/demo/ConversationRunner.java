package io.otklik.e2e.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.otklik.e2e.Clients;
import io.otklik.e2e.DemoSecrets;
import io.otklik.e2e.Fakes;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Plays a conversation turn by turn through the real webhooks, waiting for the bot's answer to each turn. */
public final class ConversationRunner {

    /** What happened in one conversation. */
    public record Transcript(Script script, List<Line> lines, int messagesAccepted, int duplicates, int unanswered) {
    }

    /** One line of a transcript: who said it. */
    public record Line(boolean bot, String text) {
    }

    /** The demo salon's Telegram bot alias (the webhook path and the channel account of its conversations). */
    static final String TELEGRAM_BOT = "lyon_salon_bot";

    private static final AtomicLong UPDATE_IDS = new AtomicLong(800_000_000L);

    private final Clients clients;
    private final Fakes fakes;
    private final Duration answerTimeout;

    public ConversationRunner(Clients clients, Fakes fakes, Duration answerTimeout) {
        this.clients = clients;
        this.fakes = fakes;
        this.answerTimeout = answerTimeout;
    }

    public Transcript run(Script script) throws IOException, InterruptedException {
        List<Line> lines = new ArrayList<>();
        int accepted = 0;
        int duplicates = 0;
        int unanswered = 0;
        for (int turn = 0; turn < script.turns().size(); turn++) {
            String text = script.turns().get(turn);
            int before = botMessages(script, null).size();
            Clients.Webhook webhook = webhook(script, text);
            Clients.Answer answer = clients.deliver(webhook);
            lines.add(new Line(false, text));
            if (answer.status() / 100 != 2) {
                lines.add(new Line(true, "(ошибка вебхука: HTTP " + answer.status() + " " + answer.body() + ")"));
                unanswered++;
                continue;
            }
            accepted++;
            String messageId = answer.body().path("messageId").asText(null);
            if (script.redeliverFirst() && turn == 0) {
                Clients.Answer again = clients.deliver(webhook);
                boolean duplicate = again.body().path("duplicates").asInt(0) == 1
                        || again.body().path("duplicate").asBoolean(false);
                if (duplicate) {
                    duplicates++;
                }
                lines.add(new Line(false, "(канал доставил то же сообщение ещё раз → "
                        + (duplicate ? "распознан дубликат, повторно не обработан)" : "НЕ распознан как дубликат!)")));
            }
            List<String> replies = awaitReplies(script, messageId, before);
            if (replies.isEmpty()) {
                lines.add(new Line(true, "(нет ответа за " + answerTimeout.toSeconds() + " с)"));
                unanswered++;
            }
            replies.forEach(r -> lines.add(new Line(true, r)));
        }
        return new Transcript(script, lines, accepted, duplicates, unanswered);
    }

    private Clients.Webhook webhook(Script s, String text) {
        return switch (s.channel()) {
            case "WHATSAPP" -> s.tenant().equals(Conversations.SALON)
                    ? Clients.whatsApp(DemoSecrets.SALON_WA_NUMBER, DemoSecrets.SALON_WA_APP_SECRET, s.waId(),
                            s.clientName(), text)
                    : Clients.whatsApp(DemoSecrets.CLINIC_WA_NUMBER, DemoSecrets.CLINIC_WA_APP_SECRET, s.waId(),
                            s.clientName(), text);
            case "TELEGRAM" -> Clients.telegram(TELEGRAM_BOT, DemoSecrets.SALON_TG_SECRET,
                    UPDATE_IDS.incrementAndGet(), s.telegramChatId(), s.clientName(), text);
            case "INSTAGRAM" -> Clients.instagram(DemoSecrets.SALON_IG_ACCOUNT, DemoSecrets.SALON_IG_APP_SECRET,
                    s.instagramId(), text, s.turns().indexOf(text) == 0 ? s.storyUrl() : null);
            case "WEB_FORM" -> Clients.webForm(s.tenant().equals(Conversations.SALON) ? "lyon-site" : "ulybka-site",
                    s.clientName(), s.phone(), text, s.utm());
            default -> throw new IllegalArgumentException("unknown channel " + s.channel());
        };
    }

    /** The bot's messages to this client so far (for a web form: the answers to one submission). */
    private List<String> botMessages(Script s, String messageId) throws IOException, InterruptedException {
        return switch (s.channel()) {
            case "WHATSAPP" -> fakes.whatsAppMessagesTo(s.waId()).stream().map(ConversationRunner::whatsAppText)
                    .toList();
            case "TELEGRAM" -> fakes.telegramMessagesTo(s.telegramChatId()).stream()
                    .map(b -> b.path("text").asText()).toList();
            case "INSTAGRAM" -> fakes.instagramMessagesTo(s.instagramId()).stream()
                    .map(b -> b.path("message").path("text").asText()).toList();
            case "WEB_FORM" -> messageId == null ? List.of()
                    : clients.webReplies(s.tenant().equals(Conversations.SALON) ? "lyon-site" : "ulybka-site",
                            messageId);
            default -> List.of();
        };
    }

    private List<String> awaitReplies(Script s, String messageId, int before)
            throws IOException, InterruptedException {
        int from = s.channel().equals("WEB_FORM") ? 0 : before;
        long deadline = System.nanoTime() + answerTimeout.toNanos();
        while (System.nanoTime() < deadline) {
            List<String> all = botMessages(s, messageId);
            if (all.size() > from) {
                return all.subList(from, all.size());
            }
            Thread.sleep(50);
        }
        return List.of();
    }

    static String whatsAppText(JsonNode body) {
        if ("template".equals(body.path("type").asText())) {
            List<String> params = new ArrayList<>();
            body.path("template").path("components").path(0).path("parameters")
                    .forEach(p -> params.add(p.path("text").asText()));
            return "[шаблон " + body.path("template").path("name").asText() + ": " + String.join(", ", params) + "]";
        }
        return body.path("text").path("body").asText();
    }
}
