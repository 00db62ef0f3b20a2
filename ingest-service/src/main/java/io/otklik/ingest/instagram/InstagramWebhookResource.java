package io.otklik.ingest.instagram;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.otklik.events.data.Channel;
import io.otklik.events.data.Contact;
import io.otklik.ingest.inbound.Accepted;
import io.otklik.ingest.inbound.HubVerification;
import io.otklik.ingest.inbound.Inbound;
import io.otklik.ingest.inbound.InboundService;
import io.otklik.ingest.inbound.RawWebhook;
import io.otklik.ingest.whatsapp.WhatsAppSignature;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Instagram Messaging webhooks: the GET verification handshake and POSTs signed with the tenant's Instagram app
 * secret ({@code X-Hub-Signature-256}, as WhatsApp's). The tenant is found by the Instagram account id
 * ({@code entry[].id}, or {@code recipient.id}). Answered 200 only after the messages are stored.
 */
@Path("/webhooks/instagram")
public class InstagramWebhookResource {

    private final TenantRegistry tenants;
    private final InboundService inbound;
    private final Counter ignored;

    public InstagramWebhookResource(TenantRegistry tenants, InboundService inbound, MeterRegistry registry) {
        this.tenants = tenants;
        this.inbound = inbound;
        this.ignored = Counter.builder("otklik.ingest.instagram.ignored")
                .description("Instagram webhook events with nothing from a client: echoes of our sends, reactions,"
                        + " reads")
                .register(registry);
    }

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public Response verify(@QueryParam("hub.mode") String mode, @QueryParam("hub.verify_token") String token,
                           @QueryParam("hub.challenge") String challenge) {
        return HubVerification.answer(mode, token, challenge, tenants, t -> t.channels().instagram() == null ? null
                : t.channels().instagram().verifyTokenEnv());
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Map<String, Object>> receive(@HeaderParam("X-Hub-Signature-256") String signature, byte[] body) {
        byte[] raw = body == null ? new byte[0] : body;
        InstagramWebhook.Parsed parsed;
        try {
            parsed = InstagramWebhook.parse(raw);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(e.getMessage(), "body");
        }
        Set<Tenant> named = new LinkedHashSet<>();
        parsed.accounts().forEach((accountId, recipients) -> named.add(tenant(accountId, recipients)
                .orElseThrow(() -> ProblemException.notFound("no tenant has the Instagram account " + accountId))));
        for (Tenant tenant : named) {
            String secret = tenants.secret(tenant.channels().instagram().appSecretEnv()).orElse(null);
            if (!WhatsAppSignature.matches(raw, signature, secret)) {
                throw ProblemException.unauthorized("X-Hub-Signature-256 does not match the body");
            }
        }
        List<Inbound> messages = new ArrayList<>();
        for (InstagramWebhook.Message m : parsed.messages()) {
            Tenant tenant = tenant(m.accountId(), parsed.accounts().get(m.accountId())).orElseThrow();
            String account = tenant.channels().instagram().accountId();
            messages.add(new Inbound(tenant.id(), Channel.INSTAGRAM, account, m.mid(),
                    new Contact(m.senderId(), null, null), m.text(), m.timestamp(), m.utm(), m.messageType(),
                    m.attachments(), m.source(), m.buttonId()));
        }
        ignored.increment(parsed.ignored());
        return inbound.accept(new RawWebhook(Channel.INSTAGRAM, raw), messages).map(accepted -> Map.of(
                "accepted", accepted.stream().filter(a -> !a.duplicate()).count(),
                "duplicates", accepted.stream().filter(Accepted::duplicate).count(),
                "ignored", parsed.ignored()));
    }

    /** By the entry's id; when that is no account of ours (a page-scoped id), by the recipient the events name. */
    private Optional<Tenant> tenant(String entryId, Set<String> recipientIds) {
        return tenants.byInstagramAccount(entryId)
                .or(() -> recipientIds.stream().map(tenants::byInstagramAccount).flatMap(Optional::stream)
                        .findFirst())
                .filter(t -> t.channels().instagram() != null);
    }
}
