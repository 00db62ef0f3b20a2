package io.otklik.routing.dialog;

import io.otklik.events.data.Entities;
import io.otklik.platform.tenant.Tenant;
import io.otklik.routing.booking.SlotFinder;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a client prefers beyond an exact day and time: an interval of the day ("после 17", "вечером", "завтра утром",
 * "в субботу после обеда") and a specialist ("к Анне", "к мастеру Ане"). nlu-service's entities come first (its
 * {@code from}/{@code to} interval and {@code staff}); the text is read here only for what they lack, as
 * {@link ChoiceParser} does for times. Pure.
 *
 * @param notBefore the earliest start of a day, or null
 * @param notAfter  the latest start of a day (inclusive), or null
 * @param staffId   the specialist asked for (a tenant's specialist), or null
 */
record SlotPreference(LocalTime notBefore, LocalTime notAfter, String staffId) {

    static final SlotPreference NONE = new SlotPreference(null, null, null);

    /** "после 17", "после 17:30". */
    private static final Pattern AFTER = Pattern.compile("(?:^|\\s)после\\s+(\\d{1,2})(?:[:.](\\d{2}))?(?=\\s|$)");
    /** Words that put a name right after them: "к Анне", "у мастера Ани", "к доктору Петрову". */
    private static final Set<String> BEFORE_NAME = Set.of("к", "у", "ко", "мастеру", "мастера", "мастер", "доктору",
            "доктора", "врачу", "врача", "тренеру", "тренера", "специалисту", "специалиста");
    private static final Pattern TOKEN_SPLIT = Pattern.compile("[^\\p{L}\\p{N}]+");

    /** The client named an interval of the day. */
    boolean window() {
        return notBefore != null || notAfter != null;
    }

    /** The client named an interval or a specialist: the dialog offers the nearest slots that match. */
    boolean any() {
        return window() || staffId != null;
    }

    /**
     * @param text the client's message, may be null
     * @param e    what nlu-service found in it
     * @param now  the message time: an interval nlu-service started then had begun already
     */
    static SlotPreference of(Tenant tenant, String text, Entities e, Instant now) {
        String norm = ChoiceParser.normalise(text);
        String staff = specialist(tenant, e.staff()) ? e.staff() : staffInText(tenant, norm);
        ZoneId zone = tenant.zone();
        if (e.from() != null && e.to() != null) {
            LocalDateTime from = LocalDateTime.ofInstant(e.from(), zone);
            LocalDateTime to = LocalDateTime.ofInstant(e.to(), zone);
            // a part of one day, not a day ("сегодня" that has begun ends at midnight too) or a span of days ("на
            // выходных"): those are asked about as before
            if (!to.toLocalTime().equals(LocalTime.MIDNIGHT)
                    && Duration.between(from, to).compareTo(Duration.ofDays(1)) < 0) {
                // an interval that had begun starts now: the words say where it starts on the following days
                LocalTime start = from.toLocalTime();
                LocalTime said = after(norm);
                SlotFinder.PartOfDay part = partOfDay(norm);
                boolean begun = Duration.between(e.from(), now).abs().compareTo(Duration.ofMinutes(1)) <= 0;
                if (said != null) {
                    start = said;
                } else if (begun && part != null && part.from().isBefore(start)) {
                    start = part.from();
                }
                return new SlotPreference(start, to.toLocalTime().minusMinutes(1), staff);
            }
        }
        LocalTime after = after(norm);
        if (after != null) {
            return new SlotPreference(after, null, staff);
        }
        SlotFinder.PartOfDay part = partOfDay(norm);
        if (part != null && e.time() == null) {
            return new SlotPreference(part.from(), part.latestStart(), staff);
        }
        return new SlotPreference(null, null, staff);
    }

    /** "после 17:30" → 17:30; a bare small hour is an afternoon one, as {@link ChoiceParser} reads it. */
    static LocalTime after(String norm) {
        Matcher m = AFTER.matcher(norm);
        if (!m.find()) {
            return null;
        }
        int h = Integer.parseInt(m.group(1));
        int min = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        return h < 24 && min < 60 ? LocalTime.of(h < 8 ? h + 12 : h, min) : null;
    }

    /** A part of the day named in words. */
    static SlotFinder.PartOfDay partOfDay(String norm) {
        List<String> tokens = tokens(norm);
        if (norm.contains("после обеда") || norm.contains("второй половине дня") || tokens.contains("днем")) {
            return SlotFinder.PartOfDay.AFTERNOON;
        }
        if (tokens.contains("вечером") || tokens.contains("вечерком") || norm.contains("под вечер")) {
            return SlotFinder.PartOfDay.EVENING;
        }
        if (tokens.contains("утром") || norm.contains("с утра") || tokens.contains("утречком")) {
            return SlotFinder.PartOfDay.MORNING;
        }
        return null;
    }

    /**
     * A specialist named after "к", "у" or a title: a word that starts with their name or an alias less its last
     * letter and is at most two letters longer ("Анне", "Ане", "Катюше" is not matched). nlu-service finds more
     * forms; this covers a message it missed.
     */
    static String staffInText(Tenant tenant, String norm) {
        List<String> tokens = tokens(norm);
        for (int i = 1; i < tokens.size(); i++) {
            if (!BEFORE_NAME.contains(tokens.get(i - 1))) {
                continue;
            }
            String word = tokens.get(i);
            for (Tenant.Staff s : tenant.staff()) {
                if (!"specialist".equals(s.role())) {
                    continue;
                }
                List<String> names = new ArrayList<>(s.aliases());
                names.add(0, s.name());
                for (String n : names) {
                    String name = n.toLowerCase(Locale.ROOT).replace('ё', 'е');
                    String stem = name.length() > 2 ? name.substring(0, name.length() - 1) : name;
                    if (word.startsWith(stem) && word.length() <= name.length() + 2) {
                        return s.id();
                    }
                }
            }
        }
        return null;
    }

    private static boolean specialist(Tenant tenant, String staffId) {
        return staffId != null && tenant.staff().stream()
                .anyMatch(s -> s.id().equals(staffId) && "specialist".equals(s.role()));
    }

    private static List<String> tokens(String norm) {
        return Arrays.stream(TOKEN_SPLIT.split(norm)).filter(t -> !t.isEmpty()).toList();
    }
}
