package io.otklik.ingest.handoff;

import io.otklik.events.EventEnvelope;
import io.otklik.events.data.Channel;
import io.otklik.events.data.Contact;
import io.otklik.events.data.LeadRouted;
import io.otklik.events.data.ReplyKind;
import io.otklik.events.data.ReplyRequested;
import io.otklik.ingest.api.ConversationLinks;
import io.otklik.ingest.outbound.Job;
import io.otklik.ingest.outbound.OutboundService;
import io.otklik.ingest.outbound.Route;
import io.otklik.platform.tenant.Tenant;
import io.otklik.platform.tenant.TenantRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The {@code + notify} alert of a routing rule: when {@code lead_routed} has {@code notify} and the assignee is a
 * person (not the bot), a short message (priority, the rule's reason, the lead's summary, the conversation's link) goes
 * to their Telegram chat from tenants.yaml through the tenant's bot. The same staff path as {@link HandoffService}:
 * stored in outbound_message as STAFF_HANDOFF under a reply id derived from the event id, so a redelivered event sends
 * nothing twice; failures are logged and kept in the row.
 */
@ApplicationScoped
public class LeadAlertService {

    private static final Logger LOG = Logger.getLogger(LeadAlertService.class);

    private final TenantRegistry tenants;
    private final ConversationLinks links;
    private final OutboundService outbound;
    private final Clock clock;

    public LeadAlertService(TenantRegistry tenants, ConversationLinks links, OutboundService outbound, Clock clock) {
        this.tenants = tenants;
        this.links = links;
        this.outbound = outbound;
        this.clock = clock;
    }

    /** The reply id of the alert of one lead_routed event. */
    public static UUID replyId(UUID eventId) {
        return UUID.nameUUIDFromBytes(("lead_routed:" + eventId).getBytes(StandardCharsets.UTF_8));
    }

    /** Whether the event asks for an alert: {@code notify} set and a person, not the bot, has the lead. */
    static boolean wanted(LeadRouted routed) {
        return routed.notifyAssignee() && routed.assignee() != null && !"bot".equals(routed.assignee())
                && !"bot".equals(routed.assigneeRole());
    }

    /**
     * Inside the consuming transaction: stores the alert; the job to send after the commit, or null when there is
     * nothing to send (no alert asked for, stored before, or stored FAILED because there is no bot or chat).
     */
    public Uni<Job> reserve(EventEnvelope<LeadRouted> event) {
        LeadRouted r = event.data();
        if (!wanted(r)) {
            return Uni.createFrom().nullItem();
        }
        Tenant tenant = tenants.byId(event.tenantId()).orElse(null);
        Tenant.Telegram bot = tenant == null ? null : tenant.channels().telegram();
        String chatId = tenant == null ? null
                : tenant.staffMember(r.assignee()).map(Tenant.Staff::telegramChatId).orElse(null);
        String link = tenant == null ? null : links.link(tenant, r.conversationId()).orElse(null);
        ReplyRequested message = new ReplyRequested(replyId(event.id()), r.conversationId(), Channel.TELEGRAM,
                bot == null ? "-" : bot.botAlias(), new Contact(chatId == null ? "-" : chatId, null, null),
                LeadAlertMessage.text(r, link), ReplyKind.HANDOFF_NOTICE, null, null, null);
        String code = tenant == null ? "unknown_tenant" : bot == null ? "no_bot"
                : chatId == null || chatId.isBlank() ? "no_chat" : null;
        String reason = switch (code == null ? "" : code) {
            case "unknown_tenant" -> "no tenant " + event.tenantId();
            case "no_bot" -> "tenant " + event.tenantId() + " has no Telegram bot to reach staff through";
            case "no_chat" -> "no Telegram chat id for staff member " + r.assignee() + " in tenants.yaml";
            default -> null;
        };
        return outbound.insert(event.tenantId(), message, OutboundService.STAFF_HANDOFF,
                        code == null ? "SENDING" : "FAILED", code, reason)
                .map(inserted -> {
                    if (!inserted) {
                        LOG.infof("tenant=%s conversation=%s lead=%s alert %s already handled", event.tenantId(),
                                r.conversationId(), r.leadId(), event.id());
                        return null;
                    }
                    if (code != null) {
                        LOG.warnf("tenant=%s conversation=%s lead=%s alert to staff=%s not sent: %s",
                                event.tenantId(), r.conversationId(), r.leadId(), r.assignee(), reason);
                        return null;
                    }
                    LOG.infof("tenant=%s conversation=%s lead=%s alert to staff=%s priority=%s rule=%s",
                            event.tenantId(), r.conversationId(), r.leadId(), r.assignee(), r.priority(), r.ruleId());
                    return new Job(event.tenantId(), message, true, 1, 0, clock.instant(), Route.TEXT);
                });
    }

    public Uni<Void> deliver(Job job) {
        return outbound.attempt(job);
    }
}
