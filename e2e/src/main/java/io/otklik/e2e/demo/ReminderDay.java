package io.otklik.e2e.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.otklik.e2e.Clients;
import io.otklik.e2e.DemoSecrets;
import io.otklik.e2e.Fakes;
import io.otklik.e2e.Http;
import io.otklik.e2e.Suite;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The demo's reminder day: reminder-service runs on an adjustable clock (only it: the other services keep the real
 * time), and the demo moves that clock forward half an hour at a time until six hours after the last booked visit. Each
 * step runs the reminder tick; reminders leave through ingest to the channel fakes. Clients answer some of them
 * through the real webhooks (a «Подтвердить» button, a «Да», an «Отменить» button), and staff mark attendance after
 * two visits (one came, one did not).
 */
public final class ReminderDay {

    /**
     * The clock moves in half-hour steps that end at hh:29:30 and hh:59:30: a reminder due on the hour or half hour
     * goes at most half an hour late, and one moved out of quiet hours (due 20:59) goes before they start (21:00), as
     * with the service's own 30-second tick.
     */
    static final Duration STEP = Duration.ofMinutes(30);
    static final Duration AFTER_LAST_VISIT = Duration.ofHours(6);
    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE dd.MM HH:mm", Locale.forLanguageTag("ru"));
    private static final AtomicLong UPDATE_IDS = new AtomicLong(900_000_000L);

    /** What the day did: the clock's final time and the totals of its ticks and of the scripted answers. */
    /**
     * @param noShows        appointments the tenants' timeout made no-shows (visits nobody marked)
     * @param attendedMarks  staff marks "came" (the confirmed clients and everyone else but one)
     * @param missedMarks    staff marks "did not come"
     * @param unmarked       open visits left without a mark on purpose, for the timeout to decide
     */
    public record Result(Instant virtualNow, int steps, int sent, int skipped, int held, int noShows, int followUps,
                         int answers, int attendedMarks, int missedMarks, int unmarked) {

        public int attendanceMarks() {
            return attendedMarks + missedMarks;
        }
    }

    /** What a client or staff member does with one appointment. */
    private enum Action { CONFIRM_BUTTON, YES_TEXT, CANCEL_BUTTON, ATTENDED, MISSED }

    /** An appointment the day acts on. */
    private record Actor(Action action, JsonNode appointment, Script script) {

        /** Whether the client answers a reminder (and then, unless cancelled, comes and is marked). */
        boolean answers() {
            return action == Action.CONFIRM_BUTTON || action == Action.YES_TEXT || action == Action.CANCEL_BUTTON;
        }

        /** Whether staff mark this visit after it: everyone but the cancelled one. */
        boolean marked() {
            return action != Action.CANCEL_BUTTON;
        }

        String id() {
            return appointment.path("id").asText();
        }

        Instant startsAt() {
            return Instant.parse(appointment.path("startsAt").asText());
        }

        /** The visit's local time, in its own zone (the clinic is not in Moscow). */
        String visit() {
            return local(startsAt());
        }

        /** A time in the visit's zone. */
        String local(Instant t) {
            String zone = appointment.path("timezone").asText("");
            return ReminderDay.local(t, zone.isBlank() ? MOSCOW : ZoneId.of(zone));
        }
    }

    private final Suite suite;
    private final Fakes fakes;
    private final Clients clients;
    private final PrintStream out;

    public ReminderDay(Suite suite, Fakes fakes, PrintStream out) {
        this.suite = suite;
        this.fakes = fakes;
        this.clients = new Clients(suite.url(Suite.Service.INGEST));
        this.out = out;
    }

    private String reminderUrl(String path) {
        return suite.url(Suite.Service.REMINDER) + path;
    }

    public Result run(List<Script> scripts) throws Exception {
        List<JsonNode> open = new ArrayList<>();
        Http.get(reminderUrl("/api/v1/admin/appointments"), DemoSecrets.ADMIN_API_KEY).forEach(a -> {
            String status = a.path("status").asText();
            if (status.equals("BOOKED") || status.equals("CONFIRMED")) {
                open.add(a);
            }
        });
        JsonNode clock = Http.get(reminderUrl("/api/v1/admin/clock"), DemoSecrets.ADMIN_API_KEY);
        Instant now = Instant.parse(clock.path("now").asText());
        if (open.isEmpty()) {
            DemoMain.say("reminder day: no open appointment to remind of");
            return new Result(now, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        }
        Instant lastVisit = open.stream().map(a -> Instant.parse(a.path("startsAt").asText())).max(Instant::compareTo)
                .orElseThrow();
        Instant end = lastVisit.plus(AFTER_LAST_VISIT);
        List<Actor> actors = cast(open, scripts);
        int unmarked = open.size() - actors.size();
        DemoMain.say("reminder day: %d open appointments, the last visit %s (Moscow); moving reminder-service's clock"
                + " from %s half an hour at a time to %s", open.size(), local(lastVisit), local(now), local(end));
        for (Actor a : actors) {
            if (a.action() != Action.ATTENDED) {
                DemoMain.say("  %-15s %s (%s, %s, visit %s)", a.action(), who(a), channelName(a), a.appointment()
                        .path("tenantId").asText(), a.visit());
            }
        }
        DemoMain.say("  staff mark the other %d visits as attended an hour after they start; %d left unmarked for"
                + " the tenant's no-show timeout", actors.stream().filter(a -> a.action() == Action.ATTENDED)
                .count(), unmarked);

        Map<Actor, Integer> seenBefore = new HashMap<>();
        for (Actor a : actors) {
            seenBefore.put(a, a.script() == null ? 0 : botMessages(a.script()).size());
        }
        Set<Actor> answered = new HashSet<>();
        Set<Actor> markedDone = new HashSet<>();
        Map<String, Set<String>> reminderIds = new HashMap<>();
        int steps = 0;
        int sent = 0;
        int skipped = 0;
        int held = 0;
        int noShows = 0;
        int followUps = 0;
        int answers = 0;
        int attendedMarks = 0;
        int missedMarks = 0;
        while (now.isBefore(end)) {
            JsonNode tick = Http.post(reminderUrl("/api/v1/admin/clock"), DemoSecrets.ADMIN_API_KEY, steps == 0
                    ? "{\"to\":\"" + firstTick(now) + "\"}" : "{\"advance\":\"" + STEP + "\"}");
            steps++;
            now = Instant.parse(tick.path("now").asText());
            int s = tick.path("sent").size();
            int k = tick.path("skipped").size();
            int h = tick.path("held").size();
            int n = tick.path("noShows").size();
            int f = tick.path("followUps").size();
            sent += s;
            skipped += k;
            held += h;
            noShows += n;
            followUps += f;
            if (s + k + h + n + f > 0) {
                System.out.printf("  %s  reminders sent %d, skipped %d, held (quiet hours) %d; no-shows %d;"
                        + " follow-ups %d%n", local(now), s, k, h, n, f);
            }
            Set<String> sentNow = new HashSet<>();
            tick.path("sent").forEach(id -> sentNow.add(id.asText()));
            for (Actor a : actors) {
                if (a.answers() && !answered.contains(a)) {
                    Set<String> ids = reminderIds.computeIfAbsent(a.id(), id -> reminders(a));
                    if (!sentNow.isEmpty() && ids.stream().anyMatch(sentNow::contains)
                            && now.isBefore(a.startsAt())) {
                        answer(a, seenBefore.get(a));
                        answers++;
                        answered.add(a);
                    }
                }
                if (a.marked() && !markedDone.contains(a) && (!a.answers() || answered.contains(a))
                        && !now.isBefore(a.startsAt().plus(Duration.ofHours(1)))) {
                    if (mark(a, now)) {
                        attendedMarks++;
                    } else {
                        missedMarks++;
                    }
                    markedDone.add(a);
                }
            }
        }
        for (Actor a : actors) {
            if (a.answers() && !answered.contains(a)) {
                DemoMain.say("reminder day: %s for %s did not happen (no reminder of it was sent before the visit)",
                        a.action(), who(a));
            } else if (a.marked() && !markedDone.contains(a)) {
                DemoMain.say("reminder day: staff did not mark %s (the visit is after the day's end)", who(a));
            }
        }
        DemoMain.say("reminder day: %d steps to %s: %d reminders sent, %d skipped, %d held by quiet hours, %d no-shows"
                        + " by timeout, %d follow-ups; %d client answers; staff marked %d visits attended and %d"
                        + " missed", steps, local(now), sent, skipped, held, noShows, followUps, answers, attendedMarks,
                missedMarks);
        return new Result(now, steps, sent, skipped, held, noShows, followUps, answers, attendedMarks, missedMarks,
                unmarked);
    }

    /** The first step's end: the next hh:29:30 or hh:59:30 after {@code now}. */
    static Instant firstTick(Instant now) {
        Instant hour = now.truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        for (Instant t = hour.plusSeconds(29 * 60 + 30); ; t = t.plus(STEP)) {
            if (t.isAfter(now)) {
                return t;
            }
        }
    }

    /**
     * Picks who does what: the button presses and the «Да» need a conversation the demo can write to (WhatsApp or
     * Telegram, one open appointment in it); of the rest one did not come, the last is left unmarked for the
     * tenant's no-show timeout, and staff mark every other visit (the confirmed ones too) as come.
     */
    private static List<Actor> cast(List<JsonNode> open, List<Script> scripts) {
        Map<String, Script> byConversation = new HashMap<>();
        for (Script s : scripts) {
            conversationId(s).ifPresent(id -> byConversation.put(id, s));
        }
        Map<String, Integer> perConversation = new HashMap<>();
        open.forEach(a -> perConversation.merge(a.path("conversationId").asText(), 1, Integer::sum));
        List<Actor> actors = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        // soonest visits first: their reminders come first
        for (Action action : List.of(Action.CONFIRM_BUTTON, Action.YES_TEXT, Action.CANCEL_BUTTON)) {
            for (JsonNode a : open) {
                String conversation = a.path("conversationId").asText();
                Script s = byConversation.get(conversation);
                if (s == null || taken.contains(conversation) || perConversation.get(conversation) != 1) {
                    continue;
                }
                boolean fits = switch (action) {
                    case CONFIRM_BUTTON -> s.channel().equals("TELEGRAM");
                    case YES_TEXT -> s.channel().equals("WHATSAPP") && a.path("status").asText().equals("BOOKED");
                    default -> true;
                };
                if (fits) {
                    actors.add(new Actor(action, a, s));
                    taken.add(conversation);
                    break;
                }
            }
        }
        // of the rest: one did not come, the last is left for the no-show timeout, staff mark everyone else as come
        List<JsonNode> rest = open.stream().filter(a -> actors.stream().noneMatch(x -> x.appointment() == a))
                .toList();
        for (int i = 0; i < rest.size() - 1; i++) {
            JsonNode a = rest.get(i);
            actors.add(new Actor(i == 0 ? Action.MISSED : Action.ATTENDED, a,
                    byConversation.get(a.path("conversationId").asText())));
        }
        return actors;
    }

    /** ingest-service's conversation id: a name-based UUID of tenant|channel|account|client. */
    static java.util.Optional<String> conversationId(Script s) {
        String account;
        String user;
        switch (s.channel()) {
            case "WHATSAPP" -> {
                account = s.tenant().equals(Conversations.SALON) ? DemoSecrets.SALON_WA_NUMBER
                        : DemoSecrets.CLINIC_WA_NUMBER;
                user = s.waId();
            }
            case "TELEGRAM" -> {
                account = ConversationRunner.TELEGRAM_BOT;
                user = Long.toString(s.telegramChatId());
            }
            default -> {
                return java.util.Optional.empty();
            }
        }
        String name = s.tenant() + '|' + s.channel() + '|' + account + '|' + user;
        return java.util.Optional.of(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString());
    }

    private Set<String> reminders(Actor a) {
        Set<String> ids = new HashSet<>();
        try {
            Http.get(reminderUrl("/api/v1/appointments/" + a.id() + "/reminders"), apiKey(a))
                    .forEach(r -> ids.add(r.path("id").asText()));
        } catch (IOException e) {
            DemoMain.say("reminder day: the reminders of %s could not be read: %s", who(a), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ids;
    }

    /** The client answers the reminder they just got; prints the reminder, the answer and the bot's reply. */
    private void answer(Actor a, int seenBefore) throws IOException, InterruptedException {
        Script s = a.script();
        List<String> reminder = awaitMessages(s, seenBefore, Duration.ofSeconds(20));
        String said;
        Clients.Webhook webhook;
        switch (a.action()) {
            case CONFIRM_BUTTON -> {
                said = "[кнопка «Подтвердить»]";
                webhook = button(s, "intent:CONFIRM", "Подтвердить");
            }
            case CANCEL_BUTTON -> {
                said = "[кнопка «Отменить»]";
                webhook = button(s, "intent:CANCEL", "Отменить");
            }
            default -> {
                said = "Да";
                webhook = s.channel().equals("TELEGRAM")
                        ? Clients.telegram(ConversationRunner.TELEGRAM_BOT, DemoSecrets.SALON_TG_SECRET,
                                UPDATE_IDS.incrementAndGet(), s.telegramChatId(), s.clientName(), said)
                        : Clients.whatsApp(waAccount(s), waSecret(s), s.waId(), s.clientName(), said);
            }
        }
        int before = botMessages(s).size();
        Clients.Answer accepted = clients.deliver(webhook);
        List<String> replies = accepted.status() / 100 == 2 ? awaitMessages(s, before, Duration.ofSeconds(20))
                : List.of("(ошибка вебхука: HTTP " + accepted.status() + ")");
        out.printf("%n── напоминание · %s · %s · визит %s%n", channelName(a), s.clientName(), a.visit());
        reminder.forEach(r -> out.printf("  бот    → %s%n", r));
        out.printf("  клиент → %s%n", said);
        if (replies.isEmpty()) {
            out.printf("  бот    → (нет ответа за 20 с)%n");
        }
        replies.forEach(r -> out.printf("  бот    → %s%n", r));
        out.println();
        out.flush();
    }

    private Clients.Webhook button(Script s, String id, String title) {
        return s.channel().equals("TELEGRAM")
                ? Clients.telegramButton(ConversationRunner.TELEGRAM_BOT, DemoSecrets.SALON_TG_SECRET,
                        UPDATE_IDS.incrementAndGet(), s.telegramChatId(), s.clientName(), id, title)
                : Clients.whatsAppButton(waAccount(s), waSecret(s), s.waId(), s.clientName(), id, title);
    }

    /** Staff mark attendance through the attendance API after the visit; true when "came". */
    private boolean mark(Actor a, Instant now) throws IOException, InterruptedException {
        boolean attended = a.action() != Action.MISSED;
        JsonNode marked = Http.post(reminderUrl("/api/v1/appointments/" + a.id() + "/attendance"), apiKey(a),
                "{\"attended\": " + attended + ", \"markedBy\": \"demo-admin\"}");
        System.out.printf("  %s  staff: %s %s (visit %s local time) → %s%n", local(now), who(a),
                attended ? "came" : "did not come", a.visit(), marked.path("status").asText());
        return attended;
    }

    private List<String> awaitMessages(Script s, int from, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> all = botMessages(s);
        while (all.size() <= from && System.nanoTime() < deadline) {
            Thread.sleep(100);
            all = botMessages(s);
        }
        return all.size() > from ? all.subList(from, all.size()) : List.of();
    }

    /** What the channel fake received for this client, as text (WhatsApp templates and Telegram buttons shown). */
    private List<String> botMessages(Script s) throws IOException, InterruptedException {
        if (s.channel().equals("WHATSAPP")) {
            return fakes.whatsAppMessagesTo(s.waId()).stream().map(ReminderDay::whatsAppText).toList();
        }
        return fakes.telegramMessagesTo(s.telegramChatId()).stream().map(ReminderDay::telegramText).toList();
    }

    static String whatsAppText(JsonNode body) {
        if ("interactive".equals(body.path("type").asText())) {
            JsonNode interactive = body.path("interactive");
            List<String> titles = new ArrayList<>();
            interactive.path("action").path("buttons").forEach(b -> titles.add(b.path("reply").path("title")
                    .asText()));
            return interactive.path("body").path("text").asText() + (titles.isEmpty() ? ""
                    : "  " + String.join(" ", titles.stream().map(t -> "[" + t + "]").toList()));
        }
        return ConversationRunner.whatsAppText(body);
    }

    static String telegramText(JsonNode body) {
        List<String> buttons = new ArrayList<>();
        body.path("reply_markup").path("inline_keyboard").forEach(row -> row.forEach(b -> buttons.add("["
                + b.path("text").asText() + "]")));
        return body.path("text").asText() + (buttons.isEmpty() ? "" : "  " + String.join(" ", buttons));
    }

    private static String apiKey(Actor a) {
        return a.appointment().path("tenantId").asText().equals(Conversations.SALON) ? DemoSecrets.SALON_API_KEY
                : DemoSecrets.CLINIC_API_KEY;
    }

    private static String waAccount(Script s) {
        return s.tenant().equals(Conversations.SALON) ? DemoSecrets.SALON_WA_NUMBER : DemoSecrets.CLINIC_WA_NUMBER;
    }

    private static String waSecret(Script s) {
        return s.tenant().equals(Conversations.SALON) ? DemoSecrets.SALON_WA_APP_SECRET
                : DemoSecrets.CLINIC_WA_APP_SECRET;
    }

    private static String who(Actor a) {
        return a.script() != null ? a.script().clientName() : "appointment " + a.id().substring(0, 8);
    }

    private static String channelName(Actor a) {
        return a.script() != null ? a.script().channel() : a.appointment().path("channel").asText();
    }

    /** Moscow time: the demo's clock line (the salon's zone). */
    static String local(Instant t) {
        return local(t, MOSCOW);
    }

    static String local(Instant t, ZoneId zone) {
        return WHEN.format(t.atZone(zone));
    }
}
