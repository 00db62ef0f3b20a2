package io.otklik.ingest.whatsapp;

import io.otklik.events.data.Channel;
import io.otklik.events.data.Contact;
import io.otklik.events.data.Utm;
import io.otklik.ingest.inbound.Accepted;
import io.otklik.ingest.inbound.HubVerification;
import io.otklik.ingest.inbound.Inbound;
import io.otklik.ingest.inbound.InboundService;
import io.otklik.ingest.inbound.Phones;
import io.otklik.ingest.inbound.RawWebhook;
import io.otklik.ingest.outbound.OutboundService;
import io.otklik.platform.tenant.Tenant;
import io.otklik.platform.tenant.TenantRegistry;
import io.otklik.platform.web.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * WhatsApp Cloud API webhooks: the GET verification handshake and signed POSTs. A POST is answered 200 only after
 * its messages are stored; Meta retries anything else.
 */
@Path("/webhooks/whatsapp")
public class WhatsAppWebhookResource {

    /** message_received.source of a message that came from a click-to-WhatsApp ad. */
    static final String CTWA_SOURCE = "ctwa_ad";

    private final TenantRegistry tenants;
    private final InboundService inbound;
    private final OutboundService outbound;

    public WhatsAppWebhookResource(TenantRegistry tenants, InboundService inbound, OutboundService outbound) {
        this.tenants = tenants;
        this.inbound = inbound;
        this.outbound = outbound;
    }

    /**
     * A click-to-WhatsApp ad as campaign tags: source "facebook" (Meta runs the ad, on Facebook or Instagram),
     * medium "ctwa", campaign the ad id ({@code referral.source_id}), content the ad headline or, without one, the
     * ad's URL. The ad's click id ({@code ctwa_clid}) stays in the stored raw body.
     */
    static Utm utm(WhatsAppWebhook.Referral r) {
        if (r == null) {
            return null;
        }
        return new Utm("facebook", "ctwa", r.sourceId(), r.headline() != null ? r.headline() : r.sourceUrl(), null);
    }

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public Response verify(@QueryParam("hub.mode") String mode, @QueryParam("hub.verify_token") String token,
                           @QueryParam("hub.challenge") String challenge) {
        return HubVerification.answer(mode, token, challenge, tenants, t -> t.channels().whatsapp() == null ? null
                : t.channels().whatsapp().verifyTokenEnv());
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Map<String, Object>> receive(@HeaderParam("X-Hub-Signature-256") String signature, byte[] body) {
        WhatsAppWebhook.Parsed parsed;
        try {
            parsed = WhatsAppWebhook.parse(body == null ? new byte[0] : body);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(e.getMessage(), "body");
        }
        for (String phoneNumberId : parsed.phoneNumberIds()) {
            Tenant tenant = tenants.byWhatsAppNumber(phoneNumberId).orElseThrow(() -> ProblemException.notFound(
                    "no tenant has the WhatsApp number with phone_number_id " + phoneNumberId));
            String secret = tenants.secret(tenant.channels().whatsapp().appSecretEnv()).orElse(null);
            if (!WhatsAppSignature.matches(body, signature, secret)) {
                throw ProblemException.unauthorized("X-Hub-Signature-256 does not match the body");
            }
        }
        List<Inbound> messages = new ArrayList<>();
        for (WhatsAppWebhook.Message m : parsed.messages()) {
            Tenant tenant = tenants.byWhatsAppNumber(m.phoneNumberId()).orElseThrow();
            Contact contact = new Contact(m.from(), m.profileName(), Phones.e164(m.from()).orElse(null));
            messages.add(new Inbound(tenant.id(), Channel.WHATSAPP, m.phoneNumberId(), m.wamid(), contact, m.text(),
                    m.timestamp(), utm(m.referral()), m.type(), m.attachments(),
                    m.referral() == null ? null : CTWA_SOURCE, m.buttonId()));
        }
        return inbound.accept(new RawWebhook(Channel.WHATSAPP, body), messages)
                .call(accepted -> outbound.recordStatuses(parsed.statuses()))
                .map(accepted -> Map.of(
                        "accepted", accepted.stream().filter(a -> !a.duplicate()).count(),
                        "duplicates", accepted.stream().filter(Accepted::duplicate).count(),
                        "statuses", parsed.statuses().size()));
    }
}
