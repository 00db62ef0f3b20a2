package io.otklik.events;

import io.otklik.events.data.AppointmentBooked;
import io.otklik.events.data.Attachment;
import io.otklik.events.data.Button;
import io.otklik.events.data.AppointmentCancelled;
import io.otklik.events.data.AppointmentConfirmed;
import io.otklik.events.data.AppointmentRescheduled;
import io.otklik.events.data.Channel;
import io.otklik.events.data.Classification;
import io.otklik.events.data.Contact;
import io.otklik.events.data.Entities;
import io.otklik.events.data.HandoffRequested;
import io.otklik.events.data.LeadCreated;
import io.otklik.events.data.LeadRouted;
import io.otklik.events.data.LeadStatus;
import io.otklik.events.data.LeadStatusChanged;
import io.otklik.events.data.MessageClassified;
import io.otklik.events.data.MessageReceived;
import io.otklik.events.data.NoShow;
import io.otklik.events.data.ReminderSent;
import io.otklik.events.data.ReplyFailed;
import io.otklik.events.data.ReplyKind;
import io.otklik.events.data.ReplyRequested;
import io.otklik.events.data.ReplySent;
import io.otklik.events.data.Template;
import io.otklik.events.data.Utm;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One realistic payload of every event type, for the contract test. */
final class EventSamples {

    static final Instant T = Instant.parse("2026-11-25T12:00:00Z");
    static final String CONVERSATION = "c-7f1f0f7e";
    static final UUID LEAD = UUID.fromString("0b0f9a51-6a7e-4c0a-9b7c-2d1f5a3e9c11");
    static final UUID APPOINTMENT = UUID.fromString("5a4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a");
    static final UUID DRAFT = UUID.fromString("9c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f");
    static final Contact CONTACT = new Contact("79161234567", "Иван", "+79161234567");
    static final MessageReceived MESSAGE = new MessageReceived(UUID.randomUUID(), CONVERSATION, Channel.WHATSAPP,
            "106540352242922", "wamid.TEST1", CONTACT, "Хочу записаться на стрижку завтра в 15:00", T.minusSeconds(2),
            T, new Utm("facebook", "ctwa", "autumn", null, null), "5d1c2a9e-0c51-3f1e-9a0e-6d2b1f0c7a11", "image",
            List.of(Attachment.media("image", "1234567890", "image/jpeg", null, "вот такую стрижку"),
                    new Attachment("location", null, null, null, null, null, 55.7558, 37.6173, "Тверская, 1", null)),
            "ctwa_ad", null);

    /** Two experiments, in tenants.yaml order. */
    static final Map<String, String> VARIANTS = variants();

    private EventSamples() {
    }

    static Map<EventType<?>, Object> all() {
        return Map.ofEntries(
                Map.entry(EventTypes.MESSAGE_RECEIVED, MESSAGE),
                Map.entry(EventTypes.MESSAGE_CLASSIFIED, new MessageClassified(MESSAGE, new Classification("BOOK",
                        0.9, true, false, new Entities("haircut", LocalDate.of(2026, 11, 26), LocalTime.of(15, 0),
                        "+79161234567", "Иван", "anna", java.time.Instant.parse("2026-11-26T12:00:00Z"), null),
                        "embedded-maxent-0123456789", "сегодня",
                        List.of(new Classification.Alternative("PRICE", 0.06))))),
                Map.entry(EventTypes.REPLY_REQUESTED, new ReplyRequested(UUID.randomUUID(), CONVERSATION,
                        Channel.WHATSAPP, "106540352242922", CONTACT, "Вы записаны на 26.11 в 15:00", ReplyKind.ANSWER,
                        MESSAGE.messageId(), T, new Template("appointment_reminder", "ru", List.of("Иван")),
                        List.of(new Button("confirm", "Подтверждаю"), new Button("cancel", "Отменить")), VARIANTS)),
                Map.entry(EventTypes.REPLY_SENT, new ReplySent(UUID.randomUUID(), CONVERSATION, Channel.WHATSAPP,
                        "wamid.OUT1", ReplyKind.ANSWER, MESSAGE.messageId(), T, T.plusMillis(800))),
                Map.entry(EventTypes.REPLY_FAILED, new ReplyFailed(UUID.randomUUID(), CONVERSATION, Channel.WHATSAPP,
                        ReplyKind.REMINDER, "131047", "outside the 24 h window", false, T)),
                Map.entry(EventTypes.LEAD_CREATED, new LeadCreated(LEAD, CONVERSATION, "client-1", Channel.WHATSAPP,
                        CONTACT, Utm.none(), "booking", "Запись на стрижку 26.11 15:00", false, T, 4,
                        List.of("intent", "phone", "service", "time"), VARIANTS, "haircut", "Стрижка")),
                Map.entry(EventTypes.LEAD_ROUTED, new LeadRouted(LEAD, CONVERSATION, "on-duty", "on-duty", "rule-1",
                        "Правило 1 (строка 1)", "P1", true, "Запись: Стрижка 26.11 15:00; WhatsApp; клиент новый")),
                Map.entry(EventTypes.HANDOFF_REQUESTED, new HandoffRequested(LEAD, CONVERSATION, Channel.TELEGRAM,
                        "owner-1", "owner", "100200300", "Жалоба на мастера", true, VARIANTS)),
                Map.entry(EventTypes.APPOINTMENT_BOOKED, new AppointmentBooked(APPOINTMENT, CONVERSATION, LEAD,
                        "client-1", Channel.WHATSAPP, "106540352242922", CONTACT, "haircut", "Стрижка", "anna",
                        "Анна", T.plusSeconds(86_400), T.plusSeconds(90_000), "Europe/Moscow", VARIANTS)),
                Map.entry(EventTypes.APPOINTMENT_CONFIRMED, new AppointmentConfirmed(APPOINTMENT, CONVERSATION, LEAD,
                        T.plusSeconds(86_400), T, "client_reply", VARIANTS)),
                Map.entry(EventTypes.APPOINTMENT_CANCELLED, new AppointmentCancelled(APPOINTMENT, CONVERSATION, LEAD,
                        T.plusSeconds(86_400), T, "client asked", VARIANTS)),
                Map.entry(EventTypes.APPOINTMENT_RESCHEDULED, new AppointmentRescheduled(APPOINTMENT, CONVERSATION,
                        LEAD, T.plusSeconds(86_400), T.plusSeconds(172_800), T.plusSeconds(176_400), "staff", "katya",
                        VARIANTS)),
                Map.entry(EventTypes.REMINDER_SENT, new ReminderSent(UUID.randomUUID(), APPOINTMENT, CONVERSATION,
                        Channel.WHATSAPP, "before_24h", T, T.plusSeconds(1), "A", Map.of("reminder-timing", "A"))),
                Map.entry(EventTypes.LEAD_STATUS_CHANGED, new LeadStatusChanged(LEAD, CONVERSATION, "bitrix24", "3465",
                        LeadStatus.CONFIRMED, LeadStatus.IN_PROCESSING, T, LeadStatusChanged.ORIGIN_CRM)),
                Map.entry(EventTypes.INTENT_FEEDBACK, new io.otklik.events.data.IntentFeedback(
                        MESSAGE.messageId(), CONVERSATION, "INFO", "PRICE", "embedded-maxent-0123456789", T)),
                Map.entry(EventTypes.NO_SHOW, new NoShow(APPOINTMENT, CONVERSATION, LEAD, T, T.plusSeconds(3600),
                        "reminder-service", VARIANTS)),
                Map.entry(EventTypes.REPLY_DRAFTED, new io.otklik.events.data.ReplyDrafted(DRAFT, CONVERSATION,
                        Channel.WHATSAPP, "marina", "100200301", "Хочу записаться на стрижку завтра в 15:00",
                        "Записала вас на стрижку 26.11 в 15:00, мастер Анна.", "Запись: Стрижка, 26.11 15:00")),
                Map.entry(EventTypes.DRAFT_REVIEWED, new io.otklik.events.data.DraftReviewed(DRAFT,
                        io.otklik.events.data.DraftReviewed.Decision.APPROVED, "marina", T.plusSeconds(60),
                        CONVERSATION)));
    }

    private static Map<String, String> variants() {
        Map<String, String> v = new java.util.LinkedHashMap<>();
        v.put("confirm-wording", "B");
        v.put("greeting-tone", "A");
        return v;
    }
}
