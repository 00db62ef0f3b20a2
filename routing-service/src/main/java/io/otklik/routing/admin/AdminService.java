package io.otklik.routing.admin;

import io.otklik.platform.tenant.Tenant;
import io.otklik.routing.booking.AppointmentStore;
import io.otklik.routing.dialog.ConversationStore;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/** Read side of the admin API: a tenant's appointments and conversations, as REST bodies. */
@ApplicationScoped
public class AdminService {

    private final AppointmentStore appointments;
    private final ConversationStore conversations;

    public AdminService(AppointmentStore appointments, ConversationStore conversations) {
        this.appointments = appointments;
        this.conversations = conversations;
    }

    /**
     * An appointment in the admin API.
     *
     * @param service the service code; {@code serviceName} is its catalogue name
     * @param staff   the specialist's id; {@code staffName} is their name
     */
    @RegisterForReflection
    public record AppointmentView(UUID id, String conversationId, UUID leadId, String clientId, String service,
                                  String serviceName, String staff, String staffName, Instant startsAt,
                                  Instant endsAt, String status, Instant createdAt, Instant confirmedAt,
                                  Instant cancelledAt) {
    }

    /** A conversation in the admin API: where its dialog stands and what came of it. */
    @RegisterForReflection
    public record ConversationView(String id, String channel, String channelAccountId, String state,
                                   String clientId, UUID leadId, List<UUID> appointmentIds, String pendingService,
                                   LocalDate pendingDate, LocalTime pendingTime, Instant firstMessageAt,
                                   Instant lastMessageAt, List<LocalDateTime> offeredSlots,
                                   UUID remindedAppointmentId) {

        public ConversationView(String id, String channel, String channelAccountId, String state, String clientId,
                                UUID leadId, List<UUID> appointmentIds, String pendingService, LocalDate pendingDate,
                                LocalTime pendingTime, Instant firstMessageAt, Instant lastMessageAt) {
            this(id, channel, channelAccountId, state, clientId, leadId, appointmentIds, pendingService, pendingDate,
                    pendingTime, firstMessageAt, lastMessageAt, List.of(), null);
        }
    }

    public Uni<List<AppointmentView>> appointments(Tenant tenant, Instant from, Instant to) {
        return Panache.withSession(() -> appointments.starting(tenant.id(), from, to))
                .map(rows -> rows.stream().map(r -> view(tenant, r)).toList());
    }

    /** An appointment row as the admin API shows it. */
    public static AppointmentView view(Tenant tenant, AppointmentStore.Row r) {
        return new AppointmentView(r.id(), r.conversationId(), r.leadId(), r.clientId(), r.serviceCode(),
                tenant.service(r.serviceCode()).map(s -> s.name()).orElse(null), r.staffId(),
                tenant.staffMember(r.staffId()).map(s -> s.name()).orElse(null), r.startsAt(), r.endsAt(),
                r.status(), r.createdAt(), r.confirmedAt(), r.cancelledAt());
    }

    /** The tenant's conversation, or null when there is none with that id. */
    public Uni<ConversationView> conversation(Tenant tenant, String id) {
        return Panache.withSession(() -> conversations.find(tenant.id(), id)
                .chain(c -> c == null ? Uni.createFrom().<ConversationView>nullItem()
                        : appointments.idsOfConversation(tenant.id(), id).map(ids -> new ConversationView(c.id(),
                                c.channel().name(), c.channelAccountId(), c.state().name(), c.clientId(), c.leadId(),
                                ids, c.pending().service(), c.pending().date(), c.pending().time(),
                                c.firstMessageAt(), c.lastMessageAt(), c.offered(), c.remindedAppointmentId()))));
    }
}
