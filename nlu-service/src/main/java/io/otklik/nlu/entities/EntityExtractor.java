package io.otklik.nlu.entities;

import io.otklik.events.data.Entities;
import io.otklik.platform.tenant.Tenant;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds what a Russian client message names: phone numbers, the day and time asked for, catalogue services, staff
 * members and the client's own name, each with its span in the message, plus the one-per-kind summary the
 * {@code message_classified} event carries.
 *
 * <p>Pure and thread-safe: no I/O, no patterns compiled per call; each tenant's catalogue and staff are compiled once
 * and kept (rebuilt when a different {@link Tenant} instance with the same id comes in). Days and times resolve
 * against {@code now}, the message time, in the tenant's zone (see {@link DateTimeParser} and the README for the
 * conventions). The summary takes the first phone, service, staff member and name, and the date/time expression
 * the client asks for; its {@code date} is set when the client named one day, its {@code time} when they named a
 * clock time (or the start of a range), and {@code from}/{@code to} always when a time was found.
 */
public final class EntityExtractor {

    /** A tenant's compiled lexicon. */
    private record Lexicon(Tenant tenant, ZoneId zone, LocalTime open, LocalTime close, ServiceMatcher services,
                           StaffMatcher staff) {
    }

    private final ConcurrentHashMap<String, Lexicon> lexicons = new ConcurrentHashMap<>();

    public Extraction extract(String text, Tenant tenant, ZonedDateTime now) {
        String s = text == null ? "" : text;
        Lexicon lex = lexicon(tenant);
        ZoneId zone = lex.zone();
        LocalDateTime local = now.getZone().equals(zone) ? now.toLocalDateTime()
                : now.withZoneSameInstant(zone).toLocalDateTime();

        List<Tokens.Phone> phones = PhoneFinder.find(s);
        Tokens t = Tokens.of(s, phones);
        DateWords.correctTypos(t);
        List<Entity> entities = new ArrayList<>(4);
        for (Tokens.Phone p : phones) {
            entities.add(new Entity(Entity.PHONE, s.substring(p.start(), p.end()), p.start(), p.end(), p.e164(), null,
                    null));
        }
        NameFinder.Match name = NameFinder.find(t);
        if (name != null) {
            entities.add(entity(t, Entity.NAME, name.first(), name.last(), name.name()));
        }
        List<StaffMatcher.Match> staff = lex.staff().find(t, name == null ? -1 : name.first(),
                name == null ? -1 : name.last());
        for (StaffMatcher.Match m : staff) {
            entities.add(entity(t, Entity.STAFF, m.first(), m.last(), m.staffId()));
        }
        List<ServiceMatcher.Match> services = lex.services().find(t);
        for (ServiceMatcher.Match m : services) {
            entities.add(entity(t, Entity.SERVICE, m.first(), m.last(), m.code()));
        }
        DateTimeParser.Found found = DateTimeParser.parse(t, local, lex.open(), lex.close());
        for (DateTimeParser.Resolved r : found.all()) {
            entities.add(new Entity(Entity.DATETIME, s.substring(r.start(), r.end()), r.start(), r.end(), value(r),
                    instant(r.from(), zone), instant(r.to(), zone)));
        }
        if (entities.size() > 1) {
            entities.sort(Comparator.comparingInt(Entity::start));
        }
        DateTimeParser.Resolved when = found.summary();
        Entities summary = new Entities(
                services.isEmpty() ? null : services.get(0).code(),
                when == null ? null : when.date(),
                when == null ? null : when.time(),
                phones.isEmpty() ? null : phones.get(0).e164(),
                name == null ? null : name.name(),
                staff.isEmpty() ? null : staff.get(0).staffId(),
                when == null ? null : instant(when.from(), zone),
                when == null ? null : instant(when.to(), zone));
        return new Extraction(entities, summary);
    }

    private Lexicon lexicon(Tenant tenant) {
        String key = Objects.toString(tenant.id(), "");
        Lexicon lex = lexicons.get(key);
        if (lex == null || lex.tenant() != tenant) {
            lex = new Lexicon(tenant, tenant.zone(), tenant.hours().open(), tenant.hours().close(),
                    new ServiceMatcher(tenant.services()), new StaffMatcher(tenant.staff()));
            lexicons.put(key, lex);
        }
        return lex;
    }

    private static Entity entity(Tokens t, String type, int first, int last, String value) {
        int start = t.start[first];
        int end = t.end[last];
        return new Entity(type, t.original.substring(start, end), start, end, value, null, null);
    }

    /** "2026-11-27T15:00", or "2026-11-28T08:00/2026-11-28T12:00" for an interval. */
    private static String value(DateTimeParser.Resolved r) {
        return r.to() == null ? r.from().toString() : r.from() + "/" + r.to();
    }

    private static Instant instant(LocalDateTime local, ZoneId zone) {
        return local == null ? null : ZonedDateTime.of(local, zone).toInstant();
    }
}
