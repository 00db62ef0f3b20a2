package io.otklik.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One scripted dialog read from {@code src/test/resources/dialogs/*.txt}:
 * <pre>
 * # title                      the first comment line names the dialog; later ones are comments
 * tenant: salon                salon (default) or clinic
 * channel: whatsapp            whatsapp (default) or telegram (the salon's bot)
 * &#64; Ирина                      the client who speaks next (a new one per name: own number, own conversation)
 * &gt; Хочу на стрижку …           the client's message, delivered to ingest-service's real webhook
 * &lt; Готово! Записали .*         a regular expression the whole reply (reply_requested) must match
 * &lt; (silent)                    no reply at all: the bot stays silent (a person has taken the conversation over)
 * ! appointment_booked via=…   an event on the client's conversation since the message, with data fields equal
 * ~ reminder                   reminder_sent for the client's latest appointment, as reminder-service sends it
 * ~ takeover / ~ release       the on-duty administrator takes the client's conversation over (admin API) / gives
 *                              it back to the bot
 * </pre>
 * In a reply pattern {@code {d+N}} stands for the day N days from today in the tenant's zone, as «dd.MM»;
 * {@code {on-duty}} in a pattern and {@code {on-duty-id}} in an event field for the person on duty now by the tenant's
 * rota (tenants.yaml: the salon's Марина 09:00–21:00 Moscow time, else Ольга; the clinic's Ирина 08:00–20:00
 * Yekaterinburg time, else Сергей).
 */
record DialogScript(String name, String title, String tenant, String channel, List<Step> steps) {

    /** A step of the script. */
    sealed interface Step permits Say, Remind, Takeover {
        String client();
    }

    /**
     * A client's message and what must come of it.
     *
     * @param reply the pattern the whole answer must match; null when the bot must stay silent
     */
    record Say(String client, String text, Pattern reply, String replySource, List<Expect> events) implements Step {

        boolean silent() {
            return reply == null;
        }
    }

    /** A person takes the client's conversation over ({@code take}) or gives it back to the bot. */
    record Takeover(String client, boolean take) implements Step {
    }

    /** reminder-service reminds the client of their latest appointment. */
    record Remind(String client) implements Step {
    }

    /** An event of this type on the conversation, whose data fields have these values. */
    record Expect(String type, Map<String, String> fields) {

        @Override
        public String toString() {
            return type + (fields.isEmpty() ? "" : " " + fields);
        }
    }

    /** The reply line that expects no reply. */
    static final String SILENT = "(silent)";

    static final Map<String, ZoneId> ZONES = Map.of("salon", ZoneId.of("Europe/Moscow"), "clinic",
            ZoneId.of("Asia/Yekaterinburg"));
    private static final Pattern DAY = Pattern.compile("\\{d\\+(\\d+)}");

    static DialogScript read(Path file) throws IOException {
        String name = file.getFileName().toString().replaceFirst("\\.txt$", "");
        String title = name;
        String tenant = "salon";
        String channel = "whatsapp";
        String client = null;
        List<Step> steps = new ArrayList<>();
        String text = null;
        Pattern reply = null;
        boolean silent = false;
        String replySource = null;
        List<Expect> events = new ArrayList<>();
        boolean titled = false;
        int n = 0;
        for (String raw : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            n++;
            String line = raw.strip();
            String where = file.getFileName() + ":" + n + ": ";
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("#")) {
                if (!titled) {
                    title = line.substring(1).strip();
                    titled = true;
                }
                continue;
            }
            if (line.startsWith("tenant:")) {
                tenant = line.substring(7).strip();
                if (!ZONES.containsKey(tenant)) {
                    throw new IllegalArgumentException(where + "tenant is salon or clinic");
                }
                continue;
            }
            if (line.startsWith("channel:")) {
                channel = line.substring(8).strip();
                if (!List.of("whatsapp", "telegram").contains(channel)) {
                    throw new IllegalArgumentException(where + "channel is whatsapp or telegram");
                }
                continue;
            }
            char kind = line.charAt(0);
            String rest = line.substring(1).strip();
            if (kind == '@' || kind == '>' || kind == '~') {
                if (text != null) {
                    steps.add(say(where, client, text, reply, silent, replySource, events));
                    text = null;
                    reply = null;
                    silent = false;
                    events = new ArrayList<>();
                }
            }
            switch (kind) {
                case '@' -> client = rest;
                case '>' -> {
                    if (client == null) {
                        throw new IllegalArgumentException(where + "say who speaks first: @ Name");
                    }
                    text = rest;
                }
                case '<' -> {
                    if (text == null || reply != null || silent) {
                        throw new IllegalArgumentException(where + "one reply pattern after each client message");
                    }
                    replySource = rest;
                    silent = rest.equals(SILENT);
                    reply = silent ? null : Pattern.compile(days(rest.replace("{on-duty}", onDuty(tenant)[1]),
                            ZONES.get(tenant)), Pattern.DOTALL);
                }
                case '!' -> {
                    if (text == null) {
                        throw new IllegalArgumentException(where + "an event expectation follows a client message");
                    }
                    String[] parts = rest.split("\\s+");
                    Map<String, String> fields = new LinkedHashMap<>();
                    for (int i = 1; i < parts.length; i++) {
                        String[] kv = parts[i].split("=", 2);
                        if (kv.length != 2) {
                            throw new IllegalArgumentException(where + "fields are written name=value");
                        }
                        fields.put(kv[0], kv[1].replace("{on-duty-id}", onDuty(tenant)[0]));
                    }
                    events.add(new Expect(parts[0], fields));
                }
                case '~' -> {
                    if (client == null) {
                        throw new IllegalArgumentException(where + "say whose conversation first: @ Name");
                    }
                    switch (rest) {
                        case "reminder" -> steps.add(new Remind(client));
                        case "takeover" -> steps.add(new Takeover(client, true));
                        case "release" -> steps.add(new Takeover(client, false));
                        default -> throw new IllegalArgumentException(where
                                + "the directives are ~ reminder, ~ takeover and ~ release");
                    }
                }
                default -> throw new IllegalArgumentException(where + "a line starts with #, @, >, <, !, ~ or a"
                        + " setting");
            }
        }
        if (text != null) {
            steps.add(say(file + ": end", client, text, reply, silent, replySource, events));
        }
        return new DialogScript(name, title, tenant, channel, List.copyOf(steps));
    }

    private static Say say(String where, String client, String text, Pattern reply, boolean silent,
                           String replySource, List<Expect> events) {
        if (reply == null && !silent) {
            throw new IllegalArgumentException(where + "the message «" + text + "» has no expected reply (<)");
        }
        return new Say(client, text, reply, replySource, List.copyOf(events));
    }

    /** Who is on duty now at the tenant: staff id and name, by the rota of tenants.yaml written out here. */
    static String[] onDuty(String tenant) {
        int hour = java.time.LocalTime.now(ZONES.get(tenant)).getHour();
        if (tenant.equals("clinic")) {
            return hour >= 8 && hour < 20 ? new String[] {"irina", "Ирина"} : new String[] {"sergey", "Сергей"};
        }
        return hour >= 9 && hour < 21 ? new String[] {"marina", "Марина"} : new String[] {"olga", "Ольга"};
    }

    /** {d+N} → the quoted «dd.MM» of today + N days in the tenant's zone. */
    static String days(String pattern, ZoneId zone) {
        LocalDate today = LocalDate.now(zone);
        Matcher m = DAY.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            LocalDate day = today.plusDays(Integer.parseInt(m.group(1)));
            m.appendReplacement(out, Matcher.quoteReplacement(Pattern.quote(
                    day.format(DateTimeFormatter.ofPattern("dd.MM")))));
        }
        m.appendTail(out);
        return out.toString();
    }
}
