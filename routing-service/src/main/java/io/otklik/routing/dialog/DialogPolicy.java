package io.otklik.routing.dialog;

import io.otklik.events.data.Classification;
import io.otklik.events.data.Entities;
import io.otklik.platform.tenant.Tenant;
import io.otklik.routing.booking.SlotFinder;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The bot's dialog: given where a conversation stands, what the new message was classified as, the tenant and now,
 * decides the one reply and what happens (lead, booking, confirmation, cancellation, handoff). Pure: no I/O, no
 * clock of its own; the dialog service loads the state and applies the {@link Decision}.
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

    static final String FALLBACK_TEXT =
            "Извините, я не совсем понял. Вы хотите записаться, узнать цену или задать вопрос администратору?";
    static final String WHAT_DO_YOU_WANT_TEXT = "Подскажите, пожалуйста, что вас интересует: записаться на услугу,"
            + " узнать цену или задать вопрос администратору?";

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
        return new Window(today.minusDays(1).atStartOfDay(zone).toInstant(),
                requested.plusDays(8).atStartOfDay(zone).toInstant());
    }

    /** A time interval [from, to). */
    public record Window(Instant from, Instant to) {
    }

    /**
     * @param busy the tenant's non-cancelled appointments in {@link #busyWindow}
     */
    public Decision decide(Tenant tenant, DialogState state, Classification c, List<SlotFinder.Busy> busy,
                           Instant now) {
        Entities e = entities(c);
        String intent = effectiveIntent(state, c, e);
        if (COMPLAINT.equals(intent)) {
            return handoff(tenant, state, intent, "owner", "on-duty", "жалоба клиента");
        }
        if (HUMAN.equals(intent)) {
            return handoff(tenant, state, intent, "on-duty", "owner", "клиент просит связаться с человеком");
        }
        if (NOT_UNDERSTOOD.equals(intent)) {
            Decision d = handoff(tenant, state, OTHER, "on-duty", "owner", "бот не уверен, что понял запрос");
            return new Decision(d.reply(), true, d.openLead(), d.intent(), d.booking(), d.confirm(), d.cancel(),
                    d.handoff(), d.state(), d.pending());
        }
        if (c.urgent() && !ACTS_ON_ITS_OWN_WHEN_URGENT.contains(intent)) {
            return handoff(tenant, state, intent, "on-duty", "owner", urgentReason(c));
        }
        return switch (intent) {
            case BOOKING -> booking(tenant, state, e, busy, now);
            case RESCHEDULE -> state.appointment() != null
                    ? reschedule(tenant, state, e, busy, now)
                    : booking(tenant, state, e, busy, now);
            case CONFIRM -> confirm(tenant, state);
            case CANCEL -> cancel(tenant, state);
            case PRICE, INFO -> price(tenant, state, e, intent);
            // a greeting, thanks or small talk: introduce the bot; in the middle of a booking, ask what is meant
            default -> state.state().collectsBooking() || state.state() == ConversationState.RESCHEDULING
                    ? keep(state, FALLBACK_TEXT, OTHER, true)
                    : keep(state, greeting(tenant), OTHER, false);
        };
    }

    /**
     * The intent to act on. A message that only fills a gap (a day, a time, a service, or "да" to "Записать вас?")
     * continues the booking or reschedule the bot is collecting, whatever the classifier called it; a
     * low-confidence classification is otherwise treated as not understood.
     */
    static String effectiveIntent(DialogState state, Classification c, Entities e) {
        String raw = c.intent() == null ? OTHER : c.intent();
        boolean dateOrTime = e.date() != null || e.time() != null;
        boolean fillsGap = dateOrTime || e.service() != null;
        DialogState.Appointment appointment = state.appointment();
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

    private Decision booking(Tenant tenant, DialogState state, Entities e, List<SlotFinder.Busy> busy, Instant now) {
        DialogState.Pending pending = state.pending();
        String service = known(tenant, e.service()).or(() -> known(tenant, pending.service())).orElse(null);
        LocalDate date = e.date() != null ? e.date() : pending.date();
        LocalTime time = e.time() != null ? e.time() : pending.time();
        if (service == null) {
            String names = tenant.services().stream().map(Tenant.Service::name).collect(Collectors.joining(", "));
            return collecting("На какую услугу вас записать? У нас: " + names + ".",
                    new DialogState.Pending(null, date, time));
        }
        if (date == null) {
            String question = time == null ? "На какой день и время вам удобно?"
                    : "На какой день записать вас в " + RussianText.time(time) + "?";
            return collecting(question, new DialogState.Pending(service, null, time));
        }
        if (time == null) {
            return collecting("На какое время записать вас " + RussianText.date(date) + "?",
                    new DialogState.Pending(service, date, null));
        }
        SlotFinder.Result result = SlotFinder.find(tenant, busy, service, date, time, now, null);
        Tenant.Service s = tenant.service(service).orElseThrow();
        if (result.free()) {
            SlotFinder.Slot slot = result.slot();
            String reply = "Готово! Записали вас на «" + s.name() + "» " + when(slot.localStart()) + ", "
                    + RussianText.specialist(tenant.segment()) + " " + slot.staffName() + ". Стоимость "
                    + RussianText.price(s.price()) + ". Подтвердите, пожалуйста, ответом «Да».";
            return new Decision(reply, false, true, BOOKING, booking(s, slot, null), false, false, null,
                    ConversationState.BOOKED, DialogState.Pending.NONE);
        }
        return notFree(tenant, s, date, time, result, ConversationState.OFFERED, BOOKING);
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
            return new Decision("На какой день и время перенести вашу запись?", false, true, RESCHEDULE, null,
                    false, false, null, ConversationState.RESCHEDULING, new DialogState.Pending(a.serviceCode(),
                    null, null));
        }
        if (time == null) {
            return new Decision("На какое время перенести вашу запись на " + RussianText.date(date) + "?", false,
                    true, RESCHEDULE, null, false, false, null, ConversationState.RESCHEDULING,
                    new DialogState.Pending(a.serviceCode(), date, null));
        }
        // the appointment does not block its own move; the specialist stays (appointment_rescheduled has no staff)
        List<SlotFinder.Busy> others = busy.stream().filter(b -> !a.id().equals(b.appointmentId())).toList();
        SlotFinder.Result result = SlotFinder.find(tenant, others, a.serviceCode(), date, time, now, a.staffId());
        Optional<Tenant.Service> service = tenant.service(a.serviceCode());
        if (service.isEmpty()) {
            return keep(state, WHAT_DO_YOU_WANT_TEXT, RESCHEDULE, false);
        }
        Tenant.Service s = service.get();
        if (result.free()) {
            SlotFinder.Slot slot = result.slot();
            String reply = "Готово! Перенесли вашу запись на «" + s.name() + "» на " + when(slot.localStart())
                    + ", " + RussianText.specialist(tenant.segment()) + " " + slot.staffName()
                    + ". Подтвердите, пожалуйста, ответом «Да».";
            return new Decision(reply, false, true, RESCHEDULE, booking(s, slot, a), false, false, null,
                    ConversationState.BOOKED, DialogState.Pending.NONE);
        }
        return notFree(tenant, s, date, time, result, ConversationState.RESCHEDULING, RESCHEDULE);
    }

    private Decision confirm(Tenant tenant, DialogState state) {
        DialogState.Appointment a = state.appointment();
        if (a != null && a.booked()) {
            return new Decision("Спасибо, запись подтверждена! Ждём вас " + shortWhen(tenant, a.startsAt()) + ".",
                    false, true, CONFIRM, null, true, false, null, ConversationState.CONFIRMED,
                    DialogState.Pending.NONE);
        }
        if (a != null) {
            return keep(state, "Ваша запись уже подтверждена. Ждём вас " + shortWhen(tenant, a.startsAt()) + ".",
                    CONFIRM, false);
        }
        // nothing to confirm: not a lead, just an unclear "да"
        return keep(state, WHAT_DO_YOU_WANT_TEXT, CONFIRM, false);
    }

    private Decision cancel(Tenant tenant, DialogState state) {
        DialogState.Appointment a = state.appointment();
        if (a == null) {
            return new Decision("Не нашёл у вас активной записи. Если хотите записаться — напишите, на какую"
                    + " услугу и когда.", false, true, CANCEL, null, false, false, null, ConversationState.IDLE,
                    DialogState.Pending.NONE);
        }
        return new Decision("Запись на " + shortWhen(tenant, a.startsAt())
                + " отменена. Если захотите выбрать другое время — напишите.", false, true, CANCEL, null, false,
                true, null, ConversationState.CANCELLED, DialogState.Pending.NONE);
    }

    private Decision price(Tenant tenant, DialogState state, Entities e, String intent) {
        Optional<Tenant.Service> named = known(tenant, e.service()).flatMap(tenant::service);
        if (named.isPresent()) {
            Tenant.Service s = named.get();
            DialogState.Pending p = state.pending();
            return new Decision("«" + s.name() + "» — " + RussianText.price(s.price()) + ", " + s.durationMinutes()
                    + " мин. Записать вас?", false, true, intent, null, false, false, null,
                    ConversationState.QUOTED, new DialogState.Pending(s.code(),
                    e.date() != null ? e.date() : p.date(), e.time() != null ? e.time() : p.time()));
        }
        String prices = tenant.services().stream()
                .map(s -> s.name() + " — " + RussianText.price(s.price()))
                .collect(Collectors.joining(", "));
        String reply = "Мы работаем ежедневно с " + RussianText.time(tenant.hours().open()) + " до "
                + RussianText.time(tenant.hours().close()) + ". Наши цены: " + prices + ". Записать вас?";
        return new Decision(reply, false, true, intent, null, false, false, null, ConversationState.QUOTED,
                state.pending());
    }

    private Decision handoff(Tenant tenant, DialogState state, String intent, String role, String fallbackRole,
                             String reason) {
        Optional<Tenant.Staff> person = staffWithRole(tenant, role).or(() -> staffWithRole(tenant, fallbackRole));
        if (person.isEmpty()) {
            return new Decision("Передал ваше обращение администратору — с вами свяжутся в ближайшее время.", false,
                    true, intent, null, false, false, null, ConversationState.HANDOFF, state.pending());
        }
        Tenant.Staff p = person.get();
        return new Decision("Передал ваше обращение администратору " + p.name()
                + " — с вами свяжутся в ближайшее время.", false, true, intent, null, false, false,
                new Decision.Handoff(p.id(), p.name(), p.role(), p.telegramChatId(), reason),
                ConversationState.HANDOFF, state.pending());
    }

    private static String urgentReason(Classification c) {
        return c.urgencyReason() == null ? "срочное обращение" : "срочное обращение: " + c.urgencyReason();
    }

    static String greeting(Tenant tenant) {
        return "Здравствуйте! Вас приветствует " + tenant.name() + ". Могу записать вас на услугу или подсказать"
                + " цены. Чем помочь?";
    }

    /** The requested time cannot be booked: say why and offer the alternatives. */
    private Decision notFree(Tenant tenant, Tenant.Service s, LocalDate date, LocalTime time, SlotFinder.Result result,
                             ConversationState offeredState, String intent) {
        String why = switch (result.outcome()) {
            case TAKEN -> "На " + RussianText.time(time) + " свободных "
                    + RussianText.specialistsGenitive(tenant.segment()) + " нет.";
            case OUTSIDE_HOURS -> outsideHours(tenant, s, time);
            case PAST -> "Время " + RussianText.date(date) + " в " + RussianText.time(time) + " уже прошло.";
            case NO_SPECIALIST, UNKNOWN_SERVICE -> "К сожалению, записать на «" + s.name()
                    + "» сейчас не получится.";
            case FREE -> throw new IllegalStateException("a free slot is booked, not offered");
        };
        List<LocalDateTime> alternatives = result.alternatives();
        if (alternatives.isEmpty()) {
            String tail = result.outcome() == SlotFinder.Outcome.NO_SPECIALIST
                    || result.outcome() == SlotFinder.Outcome.UNKNOWN_SERVICE
                    ? " Передам ваш вопрос администратору." : " Свободного времени в ближайшие дни нет — напишите,"
                    + " пожалуйста, другой день.";
            return new Decision(why + tail, false, true, intent, null, false, false, null,
                    offeredState == ConversationState.RESCHEDULING ? offeredState : ConversationState.COLLECTING,
                    new DialogState.Pending(s.code(), null, null));
        }
        LocalDate first = alternatives.get(0).toLocalDate();
        boolean oneDay = alternatives.stream().allMatch(t -> t.toLocalDate().equals(first));
        String offer;
        if (oneDay && first.equals(date)) {
            offer = RussianText.orList(alternatives.stream().map(t -> RussianText.time(t.toLocalTime())).toList());
        } else if (oneDay) {
            offer = RussianText.dateWithWeekday(first) + ": "
                    + RussianText.orList(alternatives.stream().map(t -> RussianText.time(t.toLocalTime())).toList());
        } else {
            offer = RussianText.orList(alternatives.stream().map(t -> t.toLocalDate().equals(date)
                    ? RussianText.time(t.toLocalTime()) : when(t)).toList());
        }
        return new Decision(why + " Могу предложить " + offer + " — какое время удобно?", false, true, intent, null,
                false, false, null, offeredState, new DialogState.Pending(s.code(), first, null));
    }

    private static String outsideHours(Tenant tenant, Tenant.Service s, LocalTime time) {
        Tenant.Hours h = tenant.hours();
        String at = "На " + RussianText.time(time) + " записать не получится: ";
        if (time.isBefore(h.open()) || !time.isBefore(h.close())) {
            return at + "мы работаем с " + RussianText.time(h.open()) + " до " + RussianText.time(h.close()) + ".";
        }
        return at + "«" + s.name() + "» длится " + s.durationMinutes() + " мин, а мы работаем до "
                + RussianText.time(h.close()) + ".";
    }

    private static Decision collecting(String question, DialogState.Pending pending) {
        return new Decision(question, false, true, BOOKING, null, false, false, null, ConversationState.COLLECTING,
                pending);
    }

    /** A reply that changes nothing about the conversation. */
    private static Decision keep(DialogState state, String reply, String intent, boolean fallback) {
        return new Decision(reply, fallback, false, intent, null, false, false, null, state.state(),
                state.pending());
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

    private static Optional<Tenant.Staff> staffWithRole(Tenant tenant, String role) {
        return tenant.staff().stream().filter(s -> role.equals(s.role())).findFirst();
    }

    private static Entities entities(Classification c) {
        return c.entities() == null ? Entities.none() : c.entities();
    }
}
