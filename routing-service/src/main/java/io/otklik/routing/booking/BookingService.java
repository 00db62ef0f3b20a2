package io.otklik.routing.booking;

import io.otklik.events.EventType;
import io.otklik.events.EventTypes;
import io.otklik.events.data.AppointmentBooked;
import io.otklik.events.data.AppointmentCancelled;
import io.otklik.events.data.AppointmentConfirmed;
import io.otklik.events.data.AppointmentRescheduled;
import io.otklik.events.data.Contact;
import io.otklik.platform.db.Rows;
import io.otklik.platform.experiment.Experiments;
import io.otklik.platform.outbox.Outbox;
import io.otklik.platform.schedule.WorkCalendar;
import io.otklik.platform.tenant.Tenant;
import io.otklik.platform.web.ProblemException;
import io.otklik.routing.dialog.ConversationStore;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Bookings made by staff through the admin API: book a conversation's client, move, cancel and confirm an
 * appointment. Each command runs in one transaction with its event written to the outbox ({@code via}/{@code reason}
 * = {@code staff}); the slot is checked against the calendar first (400 outside hours, 409 taken, with alternatives)
 * and the database's exclusion constraint has the last word (409).
 */
@ApplicationScoped
public class BookingService {

    private static final Logger LOG = Logger.getLogger(BookingService.class);
    /** The via / reason staff commands carry on their events. */
    public static final String BY_STAFF = "staff";

    private final AppointmentStore store;
    private final ConversationStore conversations;
    private final Outbox outbox;
    private final Clock clock;

    public BookingService(AppointmentStore store, ConversationStore conversations, Outbox outbox, Clock clock) {
        this.store = store;
        this.conversations = conversations;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** A staff booking: the client of an existing conversation, a service, a specialist and a local start. */
    public record BookCommand(String conversationId, String service, String staff, LocalDateTime start) {
    }

    public Uni<AppointmentStore.Row> book(Tenant tenant, BookCommand c) {
        Tenant.Service service = tenant.service(c.service()).orElseThrow(() -> ProblemException.badRequest(
                "the catalogue has no service '" + c.service() + "'", "service"));
        Tenant.Staff staff = specialist(tenant, c.staff(), service.code());
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        return inTransaction(() -> store.lockSchedule(tenant.id())
                .chain(() -> conversations.find(tenant.id(), c.conversationId()))
                .chain(conversation -> {
                    if (conversation == null) {
                        throw ProblemException.badRequest("the tenant has no conversation '" + c.conversationId()
                                + "'", "conversationId");
                    }
                    return contact(tenant.id(), conversation.clientId(), conversation.channel().name())
                            .chain(contact -> slot(tenant, service, staff, c.start(), null, now)
                                    .chain(slot -> store.book(new AppointmentStore.NewAppointment(id, tenant.id(),
                                                    conversation.id(), conversation.leadId(), conversation.clientId(),
                                                    service.code(), staff.id(), slot.startsAt(), slot.endsAt(), now))
                                            .chain(booked -> {
                                                if (!booked) {
                                                    throw taken(staff, c.start());
                                                }
                                                return publish(tenant, conversation.id(),
                                                        EventTypes.APPOINTMENT_BOOKED, new AppointmentBooked(id,
                                                                conversation.id(), conversation.leadId(),
                                                                conversation.clientId(), conversation.channel(),
                                                                conversation.channelAccountId(), contact,
                                                                service.code(), service.name(), staff.id(),
                                                                staff.name(), slot.startsAt(), slot.endsAt(),
                                                                tenant.timezone(), variants(tenant,
                                                                conversation.id())));
                                            })));
                })
                .chain(() -> store.find(tenant.id(), id)))
                .invoke(row -> LOG.infof("tenant=%s appointment=%s staff=%s: booked by staff", tenant.id(), id,
                        staff.id()));
    }

    /** Moves an active appointment to a new local start, optionally to another specialist with the skill. */
    public Uni<AppointmentStore.Row> reschedule(Tenant tenant, UUID id, LocalDateTime start, String staffId) {
        Instant now = clock.instant();
        return inTransaction(() -> store.lockSchedule(tenant.id())
                .chain(() -> active(tenant, id))
                .chain(row -> {
                    Tenant.Service service = tenant.service(row.serviceCode()).orElseThrow(() ->
                            new ProblemException(409, "Conflict", "the appointment's service '" + row.serviceCode()
                                    + "' is no longer in the catalogue", null));
                    Tenant.Staff staff = specialist(tenant, staffId == null ? row.staffId() : staffId,
                            service.code());
                    return slot(tenant, service, staff, start, id, now)
                            .chain(slot -> store.move(tenant.id(), id, slot.startsAt(), slot.endsAt(),
                                            staffId == null ? null : staff.id())
                                    .chain(moved -> {
                                        if (moved == AppointmentStore.Move.SLOT_TAKEN) {
                                            throw taken(staff, start);
                                        }
                                        if (moved == AppointmentStore.Move.NOT_FOUND) {
                                            throw ProblemException.notFound("the tenant has no active appointment '"
                                                    + id + "'");
                                        }
                                        String newStaff = staff.id().equals(row.staffId()) ? null : staff.id();
                                        return publish(tenant, key(row), EventTypes.APPOINTMENT_RESCHEDULED,
                                                new AppointmentRescheduled(id, row.conversationId(), row.leadId(),
                                                        row.startsAt(), slot.startsAt(), slot.endsAt(), BY_STAFF,
                                                        newStaff, variants(tenant, row.conversationId())));
                                    }));
                })
                .chain(() -> store.find(tenant.id(), id)));
    }

    /** Cancels an active appointment. */
    public Uni<AppointmentStore.Row> cancel(Tenant tenant, UUID id) {
        Instant now = clock.instant();
        return inTransaction(() -> active(tenant, id)
                .chain(row -> store.cancel(tenant.id(), id, now)
                        .chain(changed -> publish(tenant, key(row), EventTypes.APPOINTMENT_CANCELLED,
                                new AppointmentCancelled(id, row.conversationId(), row.leadId(), row.startsAt(), now,
                                        BY_STAFF, variants(tenant, row.conversationId())))))
                .chain(() -> store.find(tenant.id(), id)));
    }

    /** Confirms a BOOKED appointment (e.g. the client confirmed by phone). */
    public Uni<AppointmentStore.Row> confirm(Tenant tenant, UUID id) {
        Instant now = clock.instant();
        return inTransaction(() -> active(tenant, id)
                .chain(row -> {
                    if (!"BOOKED".equals(row.status())) {
                        throw new ProblemException(409, "Conflict", "the appointment is already " + row.status(),
                                null);
                    }
                    return store.confirm(tenant.id(), id, now)
                            .chain(changed -> publish(tenant, key(row), EventTypes.APPOINTMENT_CONFIRMED,
                                    new AppointmentConfirmed(id, row.conversationId(), row.leadId(), row.startsAt(),
                                            now, BY_STAFF, variants(tenant, row.conversationId()))));
                })
                .chain(() -> store.find(tenant.id(), id)));
    }

    /**
     * The variants of the appointment's conversation in all the tenant's experiments (script and reminder timing) —
     * the same hash the dialog and reminder-service use, so staff commands carry the arms the client's conversation
     * is in; empty without a conversation.
     */
    private static Map<String, String> variants(Tenant tenant, String conversationId) {
        return Experiments.variants(tenant, conversationId);
    }

    /** The appointment, 404 when the tenant has none with that id, 409 when it is cancelled. */
    private Uni<AppointmentStore.Row> active(Tenant tenant, UUID id) {
        return store.find(tenant.id(), id).map(row -> {
            if (row == null) {
                throw ProblemException.notFound("the tenant has no appointment '" + id + "'");
            }
            if ("CANCELLED".equals(row.status())) {
                throw new ProblemException(409, "Conflict", "the appointment '" + id + "' is cancelled", null);
            }
            return row;
        });
    }

    private static Tenant.Staff specialist(Tenant tenant, String staffId, String service) {
        if (staffId == null || staffId.isBlank()) {
            throw ProblemException.badRequest("'staff' is required", "staff");
        }
        Tenant.Staff staff = tenant.staffMember(staffId).orElseThrow(() -> ProblemException.badRequest(
                "the tenant has no staff member '" + staffId + "'", "staff"));
        if (!"specialist".equals(staff.role()) || !staff.skills().contains(service)) {
            throw ProblemException.badRequest(staffId + " does not do '" + service + "'", "staff");
        }
        return staff;
    }

    /**
     * The slot at the local start by the calendar and the current appointments (the moved appointment does not block
     * itself): 400 in the past or outside hours, 409 when taken, with up to three alternatives in the detail.
     */
    private Uni<SlotFinder.Slot> slot(Tenant tenant, Tenant.Service service, Tenant.Staff staff, LocalDateTime start,
                                      UUID moving, Instant now) {
        Instant from = start.toLocalDate().minusDays(1).atStartOfDay(tenant.zone()).toInstant();
        Instant to = start.toLocalDate().plusDays(SlotFinder.EXTRA_DAYS + 2L).atStartOfDay(tenant.zone())
                .toInstant();
        return store.busy(tenant.id(), from, to).map(busy -> {
            List<SlotFinder.Busy> others = busy.stream()
                    .filter(b -> b.appointmentId() == null || !b.appointmentId().equals(moving)).toList();
            SlotFinder.Result r = SlotFinder.find(WorkCalendar.of(tenant), others, service.code(),
                    start.toLocalDate(), start.toLocalTime(), now, staff.id());
            return switch (r.outcome()) {
                case FREE -> r.slot();
                case PAST -> throw ProblemException.badRequest("'startsAt' " + start + " is not in the future",
                        "startsAt");
                case OUTSIDE_HOURS -> throw ProblemException.badRequest("«" + service.name() + "» at " + start
                        + " does not fit the business hours of that day" + alternatives(r), "startsAt");
                case TAKEN -> throw new ProblemException(409, "Conflict", staff.id() + " is not free at " + start
                        + alternatives(r), "startsAt");
                case NO_SPECIALIST, UNKNOWN_SERVICE -> throw ProblemException.badRequest(staff.id()
                        + " does not do '" + service.code() + "'", "staff");
            };
        });
    }

    private static String alternatives(SlotFinder.Result r) {
        return r.alternatives().isEmpty() ? "" : "; free: " + r.alternatives().stream().map(LocalDateTime::toString)
                .collect(Collectors.joining(", "));
    }

    private static ProblemException taken(Tenant.Staff staff, LocalDateTime start) {
        return new ProblemException(409, "Conflict", staff.id() + " is not free at " + start
                + " (another booking took the slot)", "startsAt");
    }

    /** A transaction whose exclusion-constraint failure (a concurrent booking won) answers 409. */
    private static <T> Uni<T> inTransaction(Supplier<Uni<T>> work) {
        return Panache.withTransaction(work)
                .onFailure(AppointmentStore::exclusionViolation)
                .transform(e -> new ProblemException(409, "Conflict", "the slot was taken by another booking at the"
                        + " same moment", "startsAt"));
    }

    /** The conversation's events stay ordered: its id is the key; an appointment without one is keyed by itself. */
    private static String key(AppointmentStore.Row row) {
        return row.conversationId() != null ? row.conversationId() : row.id().toString();
    }

    private <D> Uni<Void> publish(Tenant tenant, String key, EventType<D> type, D data) {
        return outbox.publish(type, tenant.id(), key, key, data).replaceWithVoid();
    }

    /** The client's contact on the conversation's channel. */
    private Uni<Contact> contact(String tenantId, String clientId, String channel) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        select channel_user_id, name, phone from client
                        where tenant_id = :tenant and id = :client and channel = :channel
                        order by last_seen_at desc limit 1""", Object[].class)
                .setParameter("tenant", tenantId)
                .setParameter("client", clientId)
                .setParameter("channel", channel)
                .getResultList()
                .map(rows -> {
                    if (rows.isEmpty()) {
                        throw new IllegalStateException("client " + clientId + " has no identity on " + channel);
                    }
                    return new Contact(Rows.text(rows.get(0)[0]), Rows.text(rows.get(0)[1]),
                            Rows.text(rows.get(0)[2]));
                }));
    }
}
