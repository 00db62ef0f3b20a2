package io.otklik.routing.dialog;

import io.otklik.events.EventEnvelope;
import io.otklik.events.EventType;
import io.otklik.events.EventTypes;
import io.otklik.events.InvalidEventException;
import io.otklik.events.data.AppointmentBooked;
import io.otklik.events.data.AppointmentCancelled;
import io.otklik.events.data.AppointmentConfirmed;
import io.otklik.events.data.AppointmentRescheduled;
import io.otklik.events.data.Classification;
import io.otklik.events.data.Contact;
import io.otklik.events.data.Entities;
import io.otklik.events.data.HandoffRequested;
import io.otklik.events.data.LeadCreated;
import io.otklik.events.data.LeadRouted;
import io.otklik.events.data.MessageClassified;
import io.otklik.events.data.MessageReceived;
import io.otklik.events.data.ReplyKind;
import io.otklik.events.data.ReplyRequested;
import io.otklik.platform.experiment.Experiments;
import io.otklik.platform.outbox.Outbox;
import io.otklik.platform.tenant.Tenant;
import io.otklik.platform.tenant.TenantRegistry;
import io.otklik.routing.booking.AppointmentStore;
import io.otklik.routing.booking.SlotFinder;
import io.otklik.routing.booking.SlotTakenException;
import io.otklik.routing.lead.HandoffSummary;
import io.otklik.routing.lead.LeadScore;
import io.otklik.routing.rules.LeadRouter;
import io.otklik.routing.rules.RuleMatch;
import io.otklik.routing.sandbox.SandboxService;
import io.otklik.routing.takeover.TakeoverStore;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Answers one classified message: loads the conversation, lets {@link DialogPolicy} decide, applies the decision
 * (client, conversation, lead, appointment) and writes every resulting event to the outbox, all in the consuming
 * transaction. Every event is keyed by the conversation id, so a client's events stay in order.
 */
@ApplicationScoped
public class DialogService {

    private static final Logger LOG = Logger.getLogger(DialogService.class);
    private static final Pattern E164 = Pattern.compile("^\\+[1-9][0-9]{6,14}$");

    private final TenantRegistry tenants;
    private final ConversationStore conversations;
    private final AppointmentStore appointments;
    private final Outbox outbox;
    private final Clock clock;
    private final DialogPolicy dialog;
    private final LeadRouter router;
    private final TakeoverStore takeovers;
    private final SandboxService sandbox;

    public DialogService(TenantRegistry tenants, ConversationStore conversations, AppointmentStore appointments,
                         Outbox outbox, Clock clock, LeadRouter router, TakeoverStore takeovers, DialogTexts texts,
                         SandboxService sandbox) {
        this.dialog = new DialogPolicy(texts);
        this.tenants = tenants;
        this.conversations = conversations;
        this.appointments = appointments;
        this.outbox = outbox;
        this.clock = clock;
        this.router = router;
        this.takeovers = takeovers;
        this.sandbox = sandbox;
    }

    /** Everything known while one message is handled. */
    private record Turn(Tenant tenant, EventEnvelope<MessageClassified> event, MessageReceived message,
                        Classification classification, Contact contact, Instant now,
                        ConversationStore.ClientRef client, ConversationStore.ConversationRow conversation,
                        DialogState state, TakeoverStore.Inbound inbound) {

        String conversationId() {
            return message.conversationId();
        }

        String tenantId() {
            return tenant.id();
        }

        /** The conversation's variants of the tenant's script experiments; they go on every event of the turn. */
        Map<String, String> variants() {
            return state.variants();
        }
    }

    /** Runs inside the inbox transaction of {@code message_classified}. */
    public Uni<Void> handle(EventEnvelope<MessageClassified> event) {
        MessageClassified data = event.data();
        requireReadable(data);
        Optional<Tenant> tenant = tenants.byId(event.tenantId());
        if (tenant.isEmpty()) {
            LOG.warnf("tenant=%s conversation=%s message=%s: unknown tenant, message skipped", event.tenantId(),
                    data.message().conversationId(), data.message().messageId());
            return Uni.createFrom().voidItem();
        }
        MessageReceived m = data.message();
        Classification c = data.classification();
        Entities e = c.entities() == null ? Entities.none() : c.entities();
        Contact contact = enriched(m.contact(), e);
        Instant now = clock.instant();
        String tenantId = tenant.get().id();
        return appointments.lockSchedule(tenantId)
                .chain(() -> conversations.upsertClient(tenantId, m.channel(), m.contact().channelUserId(),
                        contact.phone(), contact.displayName(), m.conversationId(), now))
                .chain(client -> conversations.upsertConversation(tenantId, m.conversationId(), m.channel(),
                                m.channelAccountId(), client.id(), m.receivedAt())
                        .chain(conversation -> {
                            if (conversation == null) {
                                LOG.warnf("tenant=%s conversation=%s message=%s: the conversation belongs to another"
                                        + " tenant, message skipped", tenantId, m.conversationId(), m.messageId());
                                return Uni.createFrom().voidItem();
                            }
                            // the phone or name the client gave earlier in this or another conversation counts
                            Contact known = new Contact(contact.channelUserId(),
                                    contact.displayName() != null ? contact.displayName() : client.name(),
                                    contact.phone() != null ? contact.phone() : client.phone());
                            return takeovers.inbound(tenantId, m.conversationId(), m.receivedAt(), m.text())
                                    .chain(inbound -> appointments.active(tenantId, m.conversationId())
                                    .chain(active -> conversations.activeAppointment(tenantId,
                                                    conversation.remindedAppointmentId())
                                            .map(reminded -> new Turn(tenant.get(), event, m, c, known, now, client,
                                                    conversation, new DialogState(conversation.state(),
                                                    conversation.pending(), reminded != null ? reminded : active,
                                                    conversation.offered(), known.phone() != null,
                                                    known.displayName() != null && !known.displayName().isBlank(),
                                                    reminded != null, Experiments.variants(tenant.get(),
                                                    m.conversationId())), inbound))))
                                    .chain(this::answer);
                        }));
    }

    /**
     * Decides and applies the turn. Should the database refuse the booking or move as overlapping (another replica or
     * the admin API took the slot meanwhile), the turn's writes are undone to a savepoint and it is decided once more
     * on the fresh busy times, so the client is offered alternatives instead of an error.
     */
    private Uni<Void> answer(Turn turn) {
        return appointments.savepoint("dialog_turn")
                .chain(() -> decideAndApply(turn))
                .onFailure(SlotTakenException.class).recoverWithUni(taken -> {
                    LOG.infof("tenant=%s conversation=%s message=%s: the slot was taken meanwhile, deciding again",
                            turn.tenantId(), turn.conversationId(), turn.message().messageId());
                    return appointments.rollbackTo("dialog_turn").chain(() -> decideAndApply(turn));
                });
    }

    private Uni<Void> decideAndApply(Turn turn) {
        DialogPolicy.Window window = DialogPolicy.busyWindow(turn.tenant(), turn.state(), turn.classification(),
                turn.now());
        return appointments.busy(turn.tenantId(), window.from(), window.to())
                .chain(busy -> {
                    Decision decision = dialog.decide(turn.tenant(), turn.state(), turn.message().text(),
                            turn.classification(), busy, turn.now());
                    return turn.inbound().takenOver(turn.now()) ? silent(turn, decision, busy)
                            : act(turn, decision, busy);
                });
    }

    /**
     * A person has taken the conversation over: the bot neither replies nor books nor hands off, and the dialog's
     * state (and any open offer) stays; the message is recorded (last message, waiting time, recent texts) and opens
     * the lead as usual.
     */
    private Uni<Void> silent(Turn turn, Decision decision, List<SlotFinder.Busy> busy) {
        return leadFor(turn, decision, busy, route -> { })
                .call(() -> conversations.updateDialog(turn.tenantId(), turn.conversationId(),
                        turn.state().state(), turn.state().pending(), turn.state().offered(), false,
                        turn.message().receivedAt()))
                .invoke(leadId -> LOG.infof("tenant=%s conversation=%s message=%s intent=%s: taken over by %s until"
                                + " %s, the bot stays silent lead=%s", turn.tenantId(), turn.conversationId(),
                        turn.message().messageId(), turn.classification().intent(), turn.inbound().takenOverBy(),
                        turn.inbound().takenOverUntil(), leadId))
                .replaceWithVoid();
    }

    private Uni<Void> act(Turn turn, Decision decision, List<SlotFinder.Busy> busy) {
        AtomicReference<RuleMatch> routed = new AtomicReference<>();
        return leadFor(turn, decision, busy, routed::set)
                .call(leadId -> appointment(turn, decision, leadId))
                .call(leadId -> handoff(turn, decision, leadId))
                .call(() -> conversations.updateDialog(turn.tenantId(), turn.conversationId(),
                        decision.state(), decision.pending(), decision.offered(),
                        decision.confirm() || decision.cancel() || decision.booking() != null,
                        turn.message().receivedAt()))
                .call(() -> reply(turn, decision, routed.get()))
                .invoke(leadId -> LOG.infof("tenant=%s conversation=%s message=%s intent=%s acted=%s"
                                + " fallback=%s state=%s lead=%s booking=%s confirm=%s cancel=%s handoff=%s"
                                + " offered=%d reminded=%s variants=%s",
                        turn.tenantId(), turn.conversationId(), turn.message().messageId(),
                        turn.classification().intent(), decision.intent(), decision.fallback(),
                        decision.state(), leadId, decision.booking() != null, decision.confirm(),
                        decision.cancel(), decision.handoff() == null ? "-" : decision.handoff().staffId(),
                        decision.offered().size(), turn.state().reminded(), turn.variants()))
                .replaceWithVoid();
    }

    /**
     * The conversation's lead: the existing one, a new one when the decision opens it (scored, routed by the
     * tenant's rules), else null.
     */
    private Uni<UUID> leadFor(Turn turn, Decision decision, List<SlotFinder.Busy> busy, Consumer<RuleMatch> routed) {
        UUID existing = turn.conversation().leadId();
        if (existing != null || !decision.openLead()) {
            return Uni.createFrom().item(existing);
        }
        boolean urgent = turn.classification().urgent();
        String summary = LeadSummary.of(turn.tenant(), decision, turn.message().channel(), turn.client().repeat(),
                urgent);
        MessageReceived received = turn.message();
        String utmSource = received.utm() == null ? null : received.utm().source();
        String service = decision.booking() != null ? decision.booking().serviceCode() : decision.pending().service();
        RuleMatch route = router.route(turn.tenant(), new LeadRouter.Lead(decision.intent(), urgent,
                turn.classification().fallback() || decision.fallback(), received.channel(), utmSource,
                turn.client().repeat(), service, turn.inbound().waitingSince(), busy), turn.now());
        LeadScore.Score score = LeadScore.of(new LeadScore.Input(decision.intent(), turn.contact().phone() != null,
                service != null, decision.booking() != null || decision.pending().date() != null
                        || decision.pending().time() != null, utmSource != null && !utmSource.isBlank(),
                turn.client().repeat(), urgent));
        UUID leadId = UUID.randomUUID();
        String conversationId = turn.conversationId();
        ConversationStore.NewLead lead = new ConversationStore.NewLead(leadId, turn.tenantId(), conversationId,
                turn.client().id(), decision.intent(), summary, urgent, route.assignee(), route.assigneeRole(),
                route.ruleId(), turn.now(), score.value(), score.signals(), route.priority().name(),
                route.notifyStaff());
        routed.accept(route);
        return conversations.insertLead(lead).chain(inserted -> {
            if (!inserted) {
                return Uni.createFrom().nullItem();
            }
            MessageReceived m = turn.message();
            return publish(turn, EventTypes.LEAD_CREATED, new LeadCreated(leadId, conversationId,
                    turn.client().id(), m.channel(), turn.contact(), m.utm(), decision.intent(), summary, urgent,
                    turn.conversation().firstMessageAt(), score.value(), score.signals(), turn.variants(),
                    service, serviceName(turn, decision, service)))
                    .chain(() -> publish(turn, EventTypes.LEAD_ROUTED, new LeadRouted(leadId, conversationId,
                            route.assignee(), route.assigneeRole(), route.ruleId(), route.reason(),
                            route.priority().name(), route.notifyStaff(), summary)))
                    .invoke(() -> LOG.infof("tenant=%s conversation=%s lead=%s quality=%d %s rule=%s assignee=%s"
                                    + " priority=%s notify=%s", turn.tenantId(), conversationId, leadId, score.value(),
                            score.signals(), route.ruleId(), route.assignee(), route.priority(),
                            route.notifyStaff()))
                    .replaceWith(leadId);
        });
    }

    /** The name of the lead's service for the CRM title: the booked one, else the tenant's name of the code. */
    private static String serviceName(Turn turn, Decision decision, String serviceCode) {
        if (decision.booking() != null && decision.booking().serviceName() != null) {
            return decision.booking().serviceName();
        }
        return serviceCode == null ? null : turn.tenant().service(serviceCode).map(Tenant.Service::name).orElse(null);
    }

    private Uni<Void> appointment(Turn turn, Decision decision, UUID leadId) {
        DialogState.Appointment active = turn.state().appointment();
        String conversationId = turn.conversationId();
        Instant now = turn.now();
        if (decision.booking() != null && decision.booking().reschedule()) {
            Decision.Booking b = decision.booking();
            return appointments.reschedule(turn.tenantId(), b.reschedules(), b.startsAt(), b.endsAt())
                    .chain(moved -> !moved ? Uni.createFrom().voidItem()
                            : publish(turn, EventTypes.APPOINTMENT_RESCHEDULED, new AppointmentRescheduled(
                                    b.reschedules(), conversationId, leadId, b.previousStartsAt(), b.startsAt(),
                                    b.endsAt(), "client_reply", null, turn.variants())));
        }
        if (decision.booking() != null) {
            Decision.Booking b = decision.booking();
            UUID id = UUID.randomUUID();
            MessageReceived m = turn.message();
            return appointments.insert(new AppointmentStore.NewAppointment(id, turn.tenantId(), conversationId, leadId,
                            turn.client().id(), b.serviceCode(), b.staffId(), b.startsAt(), b.endsAt(), now))
                    .chain(() -> publish(turn, EventTypes.APPOINTMENT_BOOKED, new AppointmentBooked(id,
                            conversationId, leadId, turn.client().id(), m.channel(), m.channelAccountId(),
                            turn.contact(), b.serviceCode(), b.serviceName(), b.staffId(), b.staffName(),
                            b.startsAt(), b.endsAt(), turn.tenant().timezone(), turn.variants())));
        }
        if (decision.confirm() && active != null) {
            return appointments.confirm(turn.tenantId(), active.id(), now)
                    .chain(changed -> !changed ? Uni.createFrom().voidItem()
                            : publish(turn, EventTypes.APPOINTMENT_CONFIRMED, new AppointmentConfirmed(active.id(),
                                    conversationId, leadId, active.startsAt(), now,
                                    turn.state().reminded() ? "reminder_reply" : "client_reply",
                                    turn.variants())));
        }
        if (decision.cancel() && active != null) {
            return appointments.cancel(turn.tenantId(), active.id(), now)
                    .chain(changed -> !changed ? Uni.createFrom().voidItem()
                            : publish(turn, EventTypes.APPOINTMENT_CANCELLED, new AppointmentCancelled(active.id(),
                                    conversationId, leadId, active.startsAt(), now, "client_request",
                                    turn.variants())));
        }
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> handoff(Turn turn, Decision decision, UUID leadId) {
        Decision.Handoff h = decision.handoff();
        if (h == null || leadId == null) {
            return Uni.createFrom().voidItem();
        }
        boolean urgent = turn.classification().urgent();
        String summary = HandoffSummary.of(new HandoffSummary.Input(turn.contact().displayName(),
                turn.contact().phone(), turn.client().repeat(), LeadSummary.topic(turn.tenant(), decision)
                + (h.reason() == null ? "" : " — " + h.reason()), urgent, turn.conversation().firstMessageAt(),
                turn.inbound().waitingSince(), turn.now(), turn.tenant().zone(),
                RussianText.channel(turn.message().channel()), turn.inbound().recentMessages()));
        return publish(turn, EventTypes.HANDOFF_REQUESTED, new HandoffRequested(leadId, turn.conversationId(),
                turn.message().channel(), h.staffId(), h.role(), h.telegramChatId(), summary, urgent,
                turn.variants()));
    }

    /**
     * The decision's reply; a rule's {@code bot + suggest booking} adds an offer to book where none was made. In a
     * tenant's sandbox the reply becomes a draft for staff approval ({@link SandboxService}).
     */
    private Uni<Void> reply(Turn turn, Decision decision, RuleMatch routed) {
        MessageReceived m = turn.message();
        String text = routed != null && routed.suggestBooking() && decision.booking() == null
                && decision.handoff() == null && decision.state() == ConversationState.IDLE
                ? decision.reply() + " " + RuleMatch.SUGGEST_BOOKING : decision.reply();
        ReplyRequested reply = new ReplyRequested(UUID.randomUUID(), m.conversationId(), m.channel(),
                m.channelAccountId(), m.contact(), text, ReplyKind.ANSWER, m.messageId(), m.receivedAt(), null,
                List.of(),
                turn.variants());
        if (SandboxService.on(turn.tenant(), turn.now())) {
            // sandbox: staff approve the reply first; the client still waits (first_unanswered_at stays)
            return sandbox.draft(turn.tenant(), reply, m.text(), LeadSummary.topic(turn.tenant(), decision),
                    turn.now());
        }
        return publish(turn, EventTypes.REPLY_REQUESTED, reply)
                .call(() -> takeovers.answered(turn.tenantId(), turn.conversationId()));
    }

    private <D> Uni<Void> publish(Turn turn, EventType<D> type, D data) {
        return outbox.publish(type, turn.tenantId(), turn.conversationId(), turn.conversationId(), data)
                .replaceWithVoid();
    }

    /** The message's contact completed with a phone and name the client wrote in the text. */
    static Contact enriched(Contact contact, Entities e) {
        String phone = contact.phone() != null ? contact.phone()
                : e.phone() != null && E164.matcher(e.phone()).matches() ? e.phone() : null;
        String name = contact.displayName() != null && !contact.displayName().isBlank() ? contact.displayName()
                : e.name();
        return new Contact(contact.channelUserId(), name, phone);
    }

    /** Fields the schema requires but Jackson lets through as null: such an event goes to the dead-letter topic. */
    private static void requireReadable(MessageClassified data) {
        if (data.message() == null || data.classification() == null) {
            throw new InvalidEventException("message_classified without message or classification");
        }
        MessageReceived m = data.message();
        if (m.messageId() == null || m.conversationId() == null || m.channel() == null || m.channelAccountId() == null
                || m.contact() == null || m.contact().channelUserId() == null || m.receivedAt() == null) {
            throw new InvalidEventException("message_classified " + m.messageId() + " misses a required message field");
        }
    }
}
