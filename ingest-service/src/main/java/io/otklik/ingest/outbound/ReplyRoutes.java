package io.otklik.ingest.outbound;

import io.otklik.events.data.Channel;
import io.otklik.events.data.ReplyRequested;
import io.otklik.events.data.Template;
import io.otklik.platform.tenant.Tenant;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Chooses how a reply goes out. WhatsApp and Instagram allow free text only within 24 h of the client's last
 * message; outside it WhatsApp takes the request's template, else the tenant's reply template (the client's name
 * and the reply as body parameters), else the SMS fallback; Instagram only the SMS fallback. Nothing left means
 * {@code reply_failed}.
 */
public final class ReplyRoutes {

    /** Name used in a template when the client gave none. */
    static final String NO_NAME = "клиент";

    private ReplyRoutes() {
    }

    /** A route, or why there is none. */
    public record Plan(Route route, Template template, String errorCode, String reason) {

        static Plan of(Route route, Template template) {
            return new Plan(route, template, null, null);
        }

        static Plan none(String errorCode, String reason) {
            return new Plan(null, null, errorCode, reason);
        }

        public boolean possible() {
            return route != null;
        }
    }

    /** Whether free text is allowed now (the window shrunk by the safety margin); never without a client message. */
    public static boolean windowOpen(Instant lastInbound, Instant now, Duration window, Duration margin) {
        return lastInbound != null && now.isBefore(lastInbound.plus(window).minus(margin));
    }

    /**
     * Whether a channel's send error means its window is closed (WhatsApp 131047; Instagram code 10 subcode
     * 2018278), so the reply should take the outside-window route instead of failing.
     */
    public static boolean windowClosedError(Channel channel, String errorCode) {
        return channel == Channel.WHATSAPP && "131047".equals(errorCode)
                || channel == Channel.INSTAGRAM && "10/2018278".equals(errorCode);
    }

    /** Whether the channel has a customer-service window at all. */
    public static boolean hasWindow(Channel channel) {
        return channel == Channel.WHATSAPP || channel == Channel.INSTAGRAM;
    }

    public static Plan plan(Tenant tenant, ReplyRequested reply, boolean windowOpen, int templateTextLimit) {
        if (!hasWindow(reply.channel()) || windowOpen) {
            return Plan.of(Route.TEXT, null);
        }
        return outsideWindow(tenant, reply, templateTextLimit);
    }

    /** The route when free text is not allowed (also after WhatsApp answered 131047 to a text). */
    public static Plan outsideWindow(Tenant tenant, ReplyRequested reply, int templateTextLimit) {
        if (reply.channel() == Channel.WHATSAPP) {
            Template template = template(tenant, reply, templateTextLimit);
            if (template != null) {
                return Plan.of(Route.TEMPLATE, template);
            }
        }
        if (tenant.sms() != null && tenant.sms().apiKeyEnv() != null) {
            if (reply.recipient() == null || reply.recipient().phone() == null
                    || reply.recipient().phone().isBlank()) {
                return Plan.none("no_phone", "outside the 24 h window of " + reply.channel()
                        + " and the client's phone is unknown, so the SMS fallback cannot be used");
            }
            return Plan.of(Route.SMS, null);
        }
        String fallbacks = reply.channel() == Channel.WHATSAPP ? "no template and no SMS fallback"
                : "no SMS fallback";
        return Plan.none("outside_window", "more than 24 h since the client's last message on " + reply.channel()
                + ": free text is not allowed there, and tenant " + tenant.id() + " has " + fallbacks
                + " configured");
    }

    /** The request's own template, else the tenant's reply template with the name and the reply, else null. */
    public static Template template(Tenant tenant, ReplyRequested reply, int templateTextLimit) {
        if (reply.template() != null) {
            return reply.template();
        }
        Tenant.WhatsApp account = tenant.channels().whatsapp();
        if (account == null || account.replyTemplate() == null) {
            return null;
        }
        String name = reply.recipient() == null ? null : reply.recipient().displayName();
        name = name == null || name.isBlank() ? NO_NAME : TemplateText.safe(name, 60);
        return new Template(account.replyTemplate().name(), account.replyTemplate().language(),
                List.of(name, TemplateText.safe(reply.text(), templateTextLimit)));
    }
}
