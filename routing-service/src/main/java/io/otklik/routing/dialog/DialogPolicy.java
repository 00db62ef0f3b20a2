package io.otklik.routing.dialog;

import io.otklik.events.data.Classification;
import io.otklik.events.data.Entities;
import io.otklik.platform.schedule.WorkCalendar;
import io.otklik.platform.tenant.Tenant;
import io.otklik.routing.booking.SlotFinder;
import io.otklik.platform.tenant.OnDuty;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The bot's dialog: given where a conversation stands, the new message and what it was classified as, the tenant and
 * now, decides the one reply and what happens (lead, booking, confirmation, cancellation, handoff). Pure apart from
 * reading its templates: no clock of its own; the dialog service loads the state and applies the {@link Decision}.
 * Every text comes from {@link DialogTexts} (Qute templates per segment, editable per tenant); the states and their
 * transitions are tabled in the module README.
 */
public final class DialogPolicy {

    public static final String BOOKING = "BOOK"; // Intent.BOOK
    public static final String INFO = "INFO"; // Intent.INFO
    public static final String PRICE = "PRICE"; // Intent.PRICE
    public static final String COMPLAINT = "COMPLAINT"; // Intent.COMPLAINT
    public static final String CANCEL = "CANCEL"; // Intent.CANCEL
    public static final String RESCHEDULE = "RESCHEDULE"; // Intent.RESCHEDULE
    public static final String CONFIRM = "CONFIRM"; // Intent.CONFIRM
    public static final String HUMAN = "HUMAN"; // Intent.HUMAN
    public static final String OTHER = "OTHER"; // Intent.OTHER
    /** Not an intent: what the dialog acts on when nlu-service was not sure (a person takes over). */
    static final String NOT_UNDERSTOOD = "NOT_UNDERSTOOD";

    /** Intents that are never read as an answer to an offer of slots. */
    private static final Set<String> NOT_A_CHOICE = Set.of(COMPLAINT, HUMAN, CANCEL);

    /**
     * Urgent requests the bot still serves itself (booking the nearest slot today is the fastest answer to "болит
     * зуб"); other urgent messages go to a person.
     */
    private static final Set<String> ACTS_ON_ITS_OWN_WHEN_URGENT = Set.of(BOOKING, RESCHEDULE, CANCEL, CONFIRM);

    /** Intents after which a message with only a day, time or service still continues a booking being collected. */
    private static final Set<String> CONTINUES_BOOKING = Set.of(BOOKING, OTHER, CONFIRM);
    /** Intents after which a message with only a day or time continues a reschedule. */
    private static final Set<String> CONTINUES_RESCHEDULE = Set.of(RESCHEDULE, BOOKING, OTHER, CONFIRM);

    /**
     * The interval of appointments the decision may look at: from the day before today (or the requested day, if
     * earlier) to the days after the requested one that alternatives may come from.
     */
    public static Window busyWindow(Tenant tenant, DialogState state, Classification c, Instant now) {
        ZoneId zone = tenant.zone();
        LocalDate today = LocalDate.ofInstant(now, zone);
        Entities e = entities(c);
        LocalDate requested = e.date() != null ? e.date() : state.pending().date();
        if (requested == null && state.appointment() != null) {
            requested = LocalDate.ofInstant(state.appointment().startsAt(), zone);
        }
        if (requested == null || requested.isBefore(today)) {
            requested = today;
        }
        // the nearest slots for a part of the day or a specialist are searched over SlotFinder.SEARCH_DAYS
        return new Window(today.minusDays(1).atStartOfDay(zone).toInstant(),
                requested.plusDays(SlotFinder.SEARCH_DAYS + 1L).atStartOfDay(zone).toInstant());
    }

    /** A time interval [from, to). */
    public record Window(Instant from, Instant to) {
    }

    private final DialogTexts texts;

    /** With the bundled texts only. */
    public DialogPolicy() {
        this(DialogTexts.bundled());
    }

    public DialogPolicy(DialogTexts texts) {
        this.texts = texts;
    }

    /** Without the message text: no choice among offered slots by ordinal, no FAQ lookup. */
    public Decision decide(Tenant tenant, DialogState state, Classification c, List<SlotFinder.Busy> busy,
                           Instant now) {
        return decide(tenant, state, null, c, busy, now);
    }

    /**
     * @param text the client's message as written (for "второй", "а попозже?" and the FAQ); may be null
     * @param busy the tenant's non-cancelled appointments in {@link #busyWindow}
     */
    public Decision decide(Tenant tenant, DialogState state, String text, Classification c,
                           List<SlotFinder.Busy> busy, Instant now) {
        // the conversation's A/B variants choose among the texts: a policy over that view decides this turn
        DialogTexts armed = texts.forVariants(tenant, state.variants());
        return armed == texts ? decideWith(tenant, state, text, c, busy, now)
                : new DialogPolicy(armed).decideWith(tenant, state, text, c, busy, now);
    }

    private Decision decideWith(Tenant tenant, DialogState state, String text, Classification c,
                                List<SlotFinder.Busy> busy, Instant now) {
        Entities e = entities(c);
        String raw = c.intent() == null ? OTHER : c.intent();
        SlotPreference preference = SlotPreference.of(tenant, text, e, now);
        // "а вечером?" or "а к Анне?" after an offer asks for other slots, it does not pick one
        if (!state.offered().isEmpty() && !NOT_A_CHOICE.contains(raw) && !preference.any()
                && (state.state() == ConversationState.OFFERED || state.state() == ConversationState.RESCHEDULING)) {
            ChoiceParser.Choice choice = ChoiceParser.parse(text, e, state.offered());
            if (choice.kind() != ChoiceParser.Kind.NONE) {
                return chosen(tenant, state, choice, busy, now);
            }
        }
        String intent = effectiveIntent(state, c, e);
        if (preference.any() && (OTHER.equals(intent) || NOT_UNDERSTOOD.equals(intent))
                && state.state().collectsBooking()) {
            // "вечером" or "к Ане" that nlu did not read as a time or a person still continues the booking
            intent = BOOKING;
        }
        if (COMPLAINT.equals(intent)) {
            return handoff(tenant, state, intent, "owner", "on-duty", "жалоба клиента", now);
        }
        if (HUMAN.equals(intent)) {
            return handoff(tenant, state, intent, "on-duty", "owner", "клиент просит связаться с человеком",
                    now);
        }
        if (NOT_UNDERSTOOD.equals(intent)) {
            Decision d = handoff(tenant, state, OTHER, "on-duty", "owner", "бот не уверен, что понял запрос",
                    now);
            return new Decision(d.reply(), true, d.openLead(), d.intent(), d.booking(), d.confirm(), d.cancel(),
                    d.handoff(), d.state(), d.pending());
        }
        if (c.urgent() && !ACTS_ON_ITS_OWN_WHEN_URGENT.contains(intent)) {
            return handoff(tenant, state, intent, "on-duty", "owner", urgentReason(c), now);
        }
        return switch (intent) {
            case BOOKING -> booking(tenant, state, e, preference, busy, now);
            case RESCHEDULE -> state.appointment() != null
                    ? reschedule(tenant, state, e, busy, now)
                    : booking(tenant, state, e, preference, busy, now);
            case CONFIRM -> confirm(tenant, state);
            case CANCEL -> cancel(tenant, state);
            case PRICE, INFO -> price(tenant, state, e, intent, text);
            // a greeting, thanks or small talk: introduce the bot; in the middle of a booking, ask what is meant
            default -> state.state().collectsBooking() || state.state() == ConversationState.RESCHEDULING
                    ? keep(state, text(tenant, "fallback"), OTHER, true)
                    : keep(state, greeting(tenant), OTHER, false);
        };
    }

    /** The client answered an offer of slots: book (or move to) the one chosen, or offer again. */
    private Decision chosen(Tenant tenant, DialogState state, ChoiceParser.Choice choice, List<SlotFinder.Busy> busy,
                            Instant now) {
        boolean moving = state.state() == ConversationState.RESCHEDULING && state.appointment() != null;
        DialogState.Pending p = state.pending();
        String service = moving ? state.appointment().serviceCode() : p.service();
        if (service == null || tenant.service(service).isEmpty()) {
            return keep(state, text(tenant, "fallback"), OTHER, true);
        }
        switch (choice.kind()) {
            case PICK, TIME -> {
                Entities picked = new Entities(service, choice.day(), choice.time(), null, null);
                return moving ? reschedule(tenant, state, picked, busy, now)
                        : booking(tenant, state, picked, SlotPreference.NONE, busy, now);
            }
            default -> {
                // the same service, another set of times: the moved appointment does not block itself
                List<SlotFinder.Busy> others = moving
                        ? busy.stream().filter(b -> !state.appointment().id().equals(b.appointmentId())).toList()
                        : busy;
                Offers.Search search = new Offers.Search(tenant, others, service,
                        moving ? state.appointment().staffId() : p.staffId(), now);
                List<LocalDateTime> offered = state.offered();
                LocalDateTime first = offered.get(0);
                LocalDateTime last = offered.get(offered.size() - 1);
                List<LocalDateTime> slots;
                String template;
                Map<String, Object> data = new HashMap<>();
                if (choice.kind() == ChoiceParser.Kind.DAY) {
                    LocalTime pivot = p.time() != null ? p.time() : first.toLocalTime();
                    LocalDate day = choice.day().isBefore(LocalDate.ofInstant(now, tenant.zone()))
                            ? LocalDate.ofInstant(now, tenant.zone()) : choice.day();
                    slots = Offers.around(search, day, pivot);
                    template = slots.isEmpty() ? "no-day" : "offer-day";
                    data.put("day", RussianText.dateWithWeekday(day));
                } else if (choice.kind() == ChoiceParser.Kind.LATER) {
                    slots = Offers.later(search, last);
                    template = slots.isEmpty() ? "no-later" : "offer-later";
                } else {
                    slots = Offers.earlier(search, first);
                    template = slots.isEmpty() ? "no-earlier" : "offer-earlier";
                }
                if (slots.isEmpty()) {
                    // nothing new: the earlier offer stands
                    data.put("offer", offerList(offered, null));
                    return new Decision(text(tenant, template, data), false, true, moving ? RESCHEDULE : BOOKING,
                            null, false, false, null, state.state(), p, offered);
                }
                LocalDate day = slots.get(0).toLocalDate();
                data.put("offer", offerList(slots, day));
                data.putIfAbsent("day", RussianText.dateWithWeekday(day));
                return new Decision(text(tenant, template, data), false, true, moving ? RESCHEDULE : BOOKING, null,
                        false, false, null, moving ? ConversationState.RESCHEDULING : ConversationState.OFFERED,
                        new DialogState.Pending(service, day, p.time(), p.staffId()), slots);
            }
        }
    }

    /** "16:00, 17:00 или 18:00"; a slot on another day than {@code day} names its day. */
    private static String offerList(List<LocalDateTime> slots, LocalDate day) {
        LocalDate first = slots.get(0).toLocalDate();
        boolean oneDay = slots.stream().allMatch(t -> t.toLocalDate().equals(first));
        if (oneDay && (day == null || first.equals(day))) {
            return RussianText.orList(slots.stream().map(t -> RussianText.time(t.toLocalTime())).toList());
        }
        return RussianText.orList(slots.stream().map(t -> t.toLocalDate().equals(day)
                ? RussianText.time(t.toLocalTime()) : when(t)).toList());
    }

    /**
     * The intent to act on. A message that only fills a gap (a day, a time, a service, or "да" to "Записать вас?")
     * continues the booking or reschedule the bot is collecting, whatever the classifier called it; a
     * low-confidence classification is otherwise treated as not understood.
     */
    static String effectiveIntent(DialogState state, Classification c, Entities e) {
        String raw = c.intent() == null ? OTHER : c.intent();
        boolean dateOrTime = e.date() != null || e.time() != null;
        boolean fillsGap = dateOrTime || e.service() != null || e.phone() != null || e.name() != null
                || e.from() != null || e.staff() != null;
        DialogState.Appointment appointment = state.appointment();
        DialogState.Pending p = state.pending();
        if (state.state() == ConversationState.COLLECTING && e.phone() != null && p.service() != null
                && p.date() != null && p.time() != null && !COMPLAINT.equals(raw)) {
            // the bot asked for the phone to book the pending slot: a number, however classified, answers it
            return BOOKING;
        }
        if (state.state() == ConversationState.RESCHEDULING && appointment != null && dateOrTime
                && CONTINUES_RESCHEDULE.contains(raw)) {
            return RESCHEDULE;
        }
        if (CONFIRM.equals(raw) && appointment != null && appointment.booked()) {
            return CONFIRM;
        }
        if (state.state().collectsBooking() && CONTINUES_BOOKING.contains(raw)
                && (fillsGap || CONFIRM.equals(raw))) {
            return BOOKING;
        }
        if (c.fallback()) {
            return NOT_UNDERSTOOD;
        }
        if (INFO.equals(raw) && e.service() != null && e.date() != null && e.time() != null) {
            // "консультация стоматолога завтра в 12:30?" asks for a visit, not for information
            return BOOKING;
        }
        return raw;
    }

    /**
     * @param preference a part of the day or a specialist the client named in this message: the nearest matching
     *                   slots are offered instead of asking for a day or a time
     */
    private Decision booking(Tenant tenant, DialogState state, Entities e, SlotPreference preference,
                             List<SlotFinder.Busy> busy, Instant now) {
        DialogState.Pending pending = state.pending();
        String service = known(tenant, e.service()).or(() -> known(tenant, pending.service())).orElse(null);
        String staff = preference.staffId() != null ? preference.staffId() : pending.staffId();
        LocalDate date = e.date() != null ? e.date() : pending.date();
        // within a part of the day there is no exact time: nlu's time of "после 17" is where the interval starts
        LocalTime time = preference.window() ? null : e.time() != null ? e.time() : pending.time();
        if (service == null) {
            String names = tenant.services().stream().map(Tenant.Service::name).collect(Collectors.joining(", "));
            return collecting(text(tenant, "ask-service", Map.of("services", names)),
                    new DialogState.Pending(null, date, time, staff));
        }
        if (preference.window() || staff != null && time == null) {
            return nearest(tenant, tenant.service(service).orElseThrow(), date, preference, staff, busy, now);
        }
        if (date == null) {
            String question = time == null ? text(tenant, "ask-day-and-time")
                    : text(tenant, "ask-day", Map.of("time", RussianText.time(time)));
            return collecting(question, new DialogState.Pending(service, null, time));
        }
        if (time == null) {
            return collecting(text(tenant, "ask-time", Map.of("date", RussianText.date(date))),
                    new DialogState.Pending(service, date, null));
        }
        SlotFinder.Result result = SlotFinder.find(tenant, busy, service, date, time, now, staff);
        Tenant.Service s = tenant.service(service).orElseThrow();
        if (result.free()) {
            SlotFinder.Slot slot = result.slot();
            if (!state.phoneKnown()) {
                // a channel without the client's number (Telegram, Instagram, a form without it): ask before booking
                return collecting(text(tenant, "ask-phone", Map.of("service", s.name(), "when",
                                when(slot.localStart()), "askName", !state.nameKnown())),
                        new DialogState.Pending(service, date, time, staff));
            }
            LocalDate today = LocalDate.ofInstant(now, tenant.zone());
            boolean sameDay = slot.localStart().toLocalDate().equals(today);
            // the clinic's queue: visits of the same specialist today between now and this one
            long queue = sameDay ? busy.stream().filter(b -> slot.staffId().equals(b.staffId())
                    && !b.startsAt().isBefore(now) && b.startsAt().isBefore(slot.startsAt())).count() : 0;
            Map<String, Object> data = new HashMap<>();
            data.put("service", s.name());
            data.put("when", when(slot.localStart()));
            data.put("specialist", RussianText.specialist(tenant.segment()));
            data.put("staff", slot.staffName());
            data.put("price", RussianText.price(s.price()));
            data.put("duration", s.durationMinutes());
            data.put("today", sameDay);
            data.put("queue", queue);
            return new Decision(text(tenant, "booked", data), false, true, BOOKING, booking(s, slot, null), false,
                    false, null, ConversationState.BOOKED, DialogState.Pending.NONE);
        }
        return notFree(tenant, s, date, time, result, ConversationState.OFFERED, BOOKING, staff);
    }

    /**
     * The nearest free slots (up to three) in the part of the day the client named, on the day named (then the
     * following days) or from today, with the specialist asked for; when that person has nothing within
     * {@link SlotFinder#SEARCH_DAYS}, says so and offers the nearest free specialist.
     */
    private Decision nearest(Tenant tenant, Tenant.Service s, LocalDate date, SlotPreference preference,
                             String staffId, List<SlotFinder.Busy> busy, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, tenant.zone());
        LocalDate day = date == null ? null : date.isBefore(today) ? today : date;
        WorkCalendar calendar = WorkCalendar.of(tenant);
        SlotFinder.Query query = new SlotFinder.Query(s.code(), day == null ? today : day, SlotFinder.SEARCH_DAYS,
                preference.notBefore(), preference.notAfter(), null, SlotFinder.MAX_ALTERNATIVES);
        Optional<Tenant.Staff> person = staffId == null ? Optional.empty()
                : tenant.staff().stream().filter(p -> p.id().equals(staffId)).findFirst();
        Map<String, Object> data = new HashMap<>();
        data.put("window", preference.window());
        data.put("specialistOf", RussianText.specialistGenitive(tenant.segment()));
        data.put("specialists", RussianText.specialistsGenitive(tenant.segment()));
        data.put("service", s.name());
        data.put("staff", "");
        String template = "offer-nearest";
        String offeredStaff = null;
        List<SlotFinder.Slot> slots = List.of();
        if (person.isPresent()) {
            boolean doesService = person.get().skills().contains(s.code());
            data.put("staff", person.get().name());
            data.put("doesService", doesService);
            slots = doesService ? search(calendar, busy, query.with(staffId), day, now) : List.of();
            if (slots.isEmpty()) {
                template = "staff-busy";
            } else {
                template = "offer-staff";
                offeredStaff = staffId;
            }
        }
        if (slots.isEmpty()) {
            slots = search(calendar, busy, query, day, now);
        }
        if (slots.isEmpty()) {
            data.put("staffBusy", person.isPresent());
            return new Decision(text(tenant, "no-nearest", data), false, true, BOOKING, null, false, false, null,
                    ConversationState.COLLECTING, new DialogState.Pending(s.code(), null, null));
        }
        List<LocalDateTime> offered = slots.stream().map(SlotFinder.Slot::localStart).toList();
        LocalDate first = offered.get(0).toLocalDate();
        boolean dayFull = day != null && !first.equals(day);
        data.put("dayFull", dayFull);
        data.put("day", day == null ? "" : RussianText.dateWithWeekday(day));
        data.put("offer", offeredDays(offered));
        return new Decision(text(tenant, template, data), false, true, BOOKING, null, false, false, null,
                ConversationState.OFFERED, new DialogState.Pending(s.code(), first, null, offeredStaff), offered);
    }

    /** The day named first, then (when it has nothing) the following days of the search. */
    private static List<SlotFinder.Slot> search(WorkCalendar calendar, List<SlotFinder.Busy> busy,
                                                SlotFinder.Query query, LocalDate day, Instant now) {
        if (day == null) {
            return SlotFinder.nearest(calendar, busy, query, now);
        }
        List<SlotFinder.Slot> onDay = SlotFinder.nearest(calendar, busy, query.on(day), now);
        if (!onDay.isEmpty()) {
            return onDay;
        }
        return SlotFinder.nearest(calendar, busy, new SlotFinder.Query(query.serviceCode(), day.plusDays(1),
                SlotFinder.SEARCH_DAYS - 1, query.notBefore(), query.notAfter(), query.staffId(), query.limit()), now);
    }

    /** "26.11 (чт): 17:00, 18:00 или 19:00" for one day, else "26.11 (чт) в 20:00, 27.11 (пт) в 17:00 …". */
    private static String offeredDays(List<LocalDateTime> slots) {
        LocalDate first = slots.get(0).toLocalDate();
        if (slots.stream().allMatch(t -> t.toLocalDate().equals(first))) {
            return RussianText.dateWithWeekday(first) + ": " + offerList(slots, null);
        }
        return offerList(slots, null);
    }

    private Decision reschedule(Tenant tenant, DialogState state, Entities e, List<SlotFinder.Busy> busy,
                                Instant now) {
        DialogState.Appointment a = state.appointment();
        boolean continuing = state.state() == ConversationState.RESCHEDULING;
        DialogState.Pending pending = continuing ? state.pending() : DialogState.Pending.NONE;
        LocalDate date = e.date() != null ? e.date() : pending.date();
        LocalTime time = e.time() != null ? e.time() : pending.time();
        if (date == null && time != null) {
            // "перенесите на 17:00": the same day
            date = LocalDate.ofInstant(a.startsAt(), tenant.zone());
        }
        if (date == null) {
            return new Decision(text(tenant, "reschedule-ask"), false, true, RESCHEDULE, null, false, false, null,
                    ConversationState.RESCHEDULING, new DialogState.Pending(a.serviceCode(), null, null));
        }
        if (time == null) {
            return new Decision(text(tenant, "reschedule-ask-time", Map.of("date", RussianText.date(date))), false,
                    true, RESCHEDULE, null, false, false, null, ConversationState.RESCHEDULING,
                    new DialogState.Pending(a.serviceCode(), date, null));
        }
        // the appointment does not block its own move; the specialist stays (appointment_rescheduled has no staff)
        List<SlotFinder.Busy> others = busy.stream().filter(b -> !a.id().equals(b.appointmentId())).toList();
        SlotFinder.Result result = SlotFinder.find(tenant, others, a.serviceCode(), date, time, now, a.staffId());
        Optional<Tenant.Service> service = tenant.service(a.serviceCode());
        if (service.isEmpty()) {
            return keep(state, text(tenant, "what-do-you-want"), RESCHEDULE, false);
        }
        Tenant.Service s = service.get();
        if (result.free()) {
            SlotFinder.Slot slot = result.slot();
            String reply = text(tenant, "rescheduled", Map.of("service", s.name(), "when", when(slot.localStart()),
                    "specialist", RussianText.specialist(tenant.segment()), "staff", slot.staffName()));
            return new Decision(reply, false, true, RESCHEDULE, booking(s, slot, a), false, false, null,
                    ConversationState.BOOKED, DialogState.Pending.NONE);
        }
        return notFree(tenant, s, date, time, result, ConversationState.RESCHEDULING, RESCHEDULE, null);
    }

    private Decision confirm(Tenant tenant, DialogState state) {
        DialogState.Appointment a = state.appointment();
        if (a != null && a.booked()) {
            return new Decision(text(tenant, "confirmed", Map.of("when", shortWhen(tenant, a.startsAt()),
                    "reminded", state.reminded())), false, true, CONFIRM, null, true, false, null,
                    ConversationState.CONFIRMED, DialogState.Pending.NONE);
        }
        if (a != null) {
            return keep(state, text(tenant, "already-confirmed", Map.of("when", shortWhen(tenant, a.startsAt()))),
                    CONFIRM, false);
        }
        // nothing to confirm: not a lead, just an unclear "да"
        return keep(state, text(tenant, "what-do-you-want"), CONFIRM, false);
    }

    private Decision cancel(Tenant tenant, DialogState state) {
        DialogState.Appointment a = state.appointment();
        if (a == null) {
            return new Decision(text(tenant, "nothing-to-cancel"), false, true, CANCEL, null, false, false, null,
                    ConversationState.IDLE, DialogState.Pending.NONE);
        }
        return new Decision(text(tenant, "cancelled", Map.of("when", shortWhen(tenant, a.startsAt()))), false,
                true, CANCEL, null, false, true, null, ConversationState.CANCELLED, DialogState.Pending.NONE);
    }

    private Decision price(Tenant tenant, DialogState state, Entities e, String intent, String text) {
        List<String> answers = INFO.equals(intent) ? faq(tenant, text) : List.of();
        if (!answers.isEmpty()) {
            return new Decision(text(tenant, "faq", Map.of("answers", String.join(" ", answers))), false, true,
                    intent, null, false, false, null, ConversationState.QUOTED, state.pending());
        }
        Optional<Tenant.Service> named = known(tenant, e.service()).flatMap(tenant::service);
        if (named.isPresent()) {
            Tenant.Service s = named.get();
            DialogState.Pending p = state.pending();
            return new Decision(text(tenant, "price-quote", Map.of("service", s.name(), "price",
                    RussianText.price(s.price()), "duration", s.durationMinutes())), false, true, intent, null, false,
                    false, null, ConversationState.QUOTED, new DialogState.Pending(s.code(),
                    e.date() != null ? e.date() : p.date(), e.time() != null ? e.time() : p.time()));
        }
        String prices = tenant.services().stream()
                .map(s -> s.name() + " — " + RussianText.price(s.price()))
                .collect(Collectors.joining(", "));
        String reply = text(tenant, "price-list", Map.of("open", RussianText.time(tenant.hours().open()), "close",
                RussianText.time(tenant.hours().close()), "prices", prices));
        return new Decision(reply, false, true, intent, null, false, false, null, ConversationState.QUOTED,
                state.pending());
    }

    /**
     * The tenant's FAQ answers whose keywords occur in the message (lower case, "ё" read as "е"), in the order
     * tenants.yaml lists them; at most two.
     */
    static List<String> faq(Tenant tenant, String text) {
        if (text == null || tenant.faq().isEmpty()) {
            return List.of();
        }
        String norm = text.toLowerCase(Locale.ROOT).replace('ё', 'е');
        List<String> answers = new ArrayList<>();
        for (Tenant.Faq f : tenant.faq()) {
            boolean hit = f.keywords().stream()
                    .anyMatch(k -> norm.contains(k.toLowerCase(Locale.ROOT).replace('ё', 'е')));
            if (hit && answers.size() < 2) {
                answers.add(f.answer().strip());
            }
        }
        return answers;
    }

    /**
     * Hands the conversation to whoever holds {@code role} now (the on-duty person by the tenant's rota), else to the
     * holder of {@code fallbackRole}; the handoff names the role they fill.
     */
    private Decision handoff(Tenant tenant, DialogState state, String intent, String role, String fallbackRole,
                             String reason, Instant now) {
        Optional<Tenant.Staff> primary = holder(tenant, role, now);
        String filled = primary.isPresent() ? role : fallbackRole;
        Optional<Tenant.Staff> person = primary.or(() -> holder(tenant, fallbackRole, now));
        if (person.isEmpty()) {
            return new Decision(text(tenant, "handoff", Map.of("staff", "")), false, true, intent, null, false,
                    false, null, ConversationState.HANDOFF, state.pending());
        }
        Tenant.Staff p = person.get();
        return new Decision(text(tenant, "handoff", Map.of("staff", p.name())), false, true, intent, null, false,
                false, new Decision.Handoff(p.id(), p.name(), filled, p.telegramChatId(), reason),
                ConversationState.HANDOFF, state.pending());
    }

    private static String urgentReason(Classification c) {
        return c.urgencyReason() == null ? "срочное обращение" : "срочное обращение: " + c.urgencyReason();
    }

    String greeting(Tenant tenant) {
        // fitness: a trial session of the catalogue, if there is one, is offered in the greeting
        Optional<Tenant.Service> trial = tenant.services().stream()
                .filter(s -> s.code().contains("trial") || s.name().toLowerCase(Locale.ROOT).contains("пробн"))
                .findFirst();
        return text(tenant, "greeting", Map.of("trial", trial.map(Tenant.Service::name).orElse(""),
                "trialPrice", trial.map(s -> RussianText.price(s.price())).orElse("")));
    }

    /** The requested time cannot be booked: say why and offer the alternatives. */
    private Decision notFree(Tenant tenant, Tenant.Service s, LocalDate date, LocalTime time, SlotFinder.Result result,
                             ConversationState offeredState, String intent, String staffId) {
        Tenant.Hours h = tenant.hours();
        String why = switch (result.outcome()) {
            case TAKEN -> text(tenant, "why-taken", Map.of("time", RussianText.time(time), "specialists",
                    RussianText.specialistsGenitive(tenant.segment())));
            case OUTSIDE_HOURS -> time.isBefore(h.open()) || !time.isBefore(h.close())
                    ? text(tenant, "why-closed", Map.of("time", RussianText.time(time), "open",
                    RussianText.time(h.open()), "close", RussianText.time(h.close())))
                    : text(tenant, "why-too-long", Map.of("time", RussianText.time(time), "service", s.name(),
                    "duration", s.durationMinutes(), "close", RussianText.time(h.close())));
            case PAST -> text(tenant, "why-past", Map.of("date", RussianText.date(date), "time",
                    RussianText.time(time)));
            case NO_SPECIALIST, UNKNOWN_SERVICE -> text(tenant, "why-unavailable", Map.of("service", s.name()));
            case FREE -> throw new IllegalStateException("a free slot is booked, not offered");
        };
        List<LocalDateTime> alternatives = result.alternatives();
        if (alternatives.isEmpty()) {
            boolean unavailable = result.outcome() == SlotFinder.Outcome.NO_SPECIALIST
                    || result.outcome() == SlotFinder.Outcome.UNKNOWN_SERVICE;
            return new Decision(text(tenant, "no-alternatives", Map.of("why", why, "unavailable", unavailable)),
                    false, true, intent, null, false, false, null,
                    offeredState == ConversationState.RESCHEDULING ? offeredState : ConversationState.COLLECTING,
                    new DialogState.Pending(s.code(), null, null));
        }
        LocalDate first = alternatives.get(0).toLocalDate();
        boolean oneDay = alternatives.stream().allMatch(t -> t.toLocalDate().equals(first));
        String offer;
        if (oneDay && !first.equals(date)) {
            offer = RussianText.dateWithWeekday(first) + ": " + offerList(alternatives, null);
        } else {
            offer = offerList(alternatives, date);
        }
        // the requested time stays pending: "а завтра?" means that time on another day
        return new Decision(text(tenant, "offer", Map.of("why", why, "offer", offer)), false, true, intent, null,
                false, false, null, offeredState, new DialogState.Pending(s.code(), first, time, staffId),
                alternatives);
    }

    private static Decision collecting(String question, DialogState.Pending pending) {
        return new Decision(question, false, true, BOOKING, null, false, false, null, ConversationState.COLLECTING,
                pending);
    }

    private String text(Tenant tenant, String name) {
        return texts.render(tenant, name, Map.of());
    }

    private String text(Tenant tenant, String name, Map<String, ?> data) {
        return texts.render(tenant, name, data);
    }

    /** A reply that changes nothing about the conversation (an offer made stays open). */
    private static Decision keep(DialogState state, String reply, String intent, boolean fallback) {
        return new Decision(reply, fallback, false, intent, null, false, false, null, state.state(),
                state.pending(), state.offered());
    }

    private static Decision.Booking booking(Tenant.Service s, SlotFinder.Slot slot, DialogState.Appointment moved) {
        return new Decision.Booking(s.code(), s.name(), s.price(), slot.staffId(), slot.staffName(), slot.startsAt(),
                slot.endsAt(), moved == null ? null : moved.id(), moved == null ? null : moved.startsAt());
    }

    /** "26.11 (чт) в 15:00". */
    private static String when(LocalDateTime local) {
        return RussianText.dateWithWeekday(local.toLocalDate()) + " в " + RussianText.time(local.toLocalTime());
    }

    /** "26.11 в 15:00" in the tenant's zone. */
    static String shortWhen(Tenant tenant, Instant instant) {
        LocalDateTime local = LocalDateTime.ofInstant(instant, tenant.zone());
        return RussianText.date(local.toLocalDate()) + " в " + RussianText.time(local.toLocalTime());
    }

    private static Optional<String> known(Tenant tenant, String code) {
        return code == null ? Optional.empty() : tenant.service(code).map(Tenant.Service::code);
    }

    private static Optional<Tenant.Staff> holder(Tenant tenant, String role, Instant now) {
        return "on-duty".equals(role) ? OnDuty.at(tenant, now) : staffWithRole(tenant, role);
    }

    private static Optional<Tenant.Staff> staffWithRole(Tenant tenant, String role) {
        return tenant.staff().stream().filter(s -> role.equals(s.role())).findFirst();
    }

    private static Entities entities(Classification c) {
        return c.entities() == null ? Entities.none() : c.entities();
    }
}
