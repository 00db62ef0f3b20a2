package io.otklik.ingest.inbound;

import io.otklik.platform.tenant.Tenant;
import io.otklik.platform.tenant.TenantRegistry;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;
import java.util.function.Function;

/**
 * Meta's webhook verification handshake (WhatsApp Cloud API and Instagram Messaging alike): {@code hub.mode=subscribe}
 * with a {@code hub.verify_token} that is one of the tenants' → 200 with {@code hub.challenge} as plain text;
 * anything else → 403.
 */
public final class HubVerification {

    private HubVerification() {
    }

    /** @param verifyTokenEnv the tenant's verify-token secret reference on this channel, null where it has none */
    public static Response answer(String mode, String token, String challenge, TenantRegistry tenants,
                                  Function<Tenant, String> verifyTokenEnv) {
        boolean known = token != null && tenants.all().stream().map(verifyTokenEnv).filter(Objects::nonNull)
                .anyMatch(env -> tenants.secret(env).map(secret -> MessageDigest.isEqual(
                        secret.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8)))
                        .orElse(false));
        if ("subscribe".equals(mode) && known && challenge != null) {
            return Response.ok(challenge, MediaType.TEXT_PLAIN).build();
        }
        return Response.status(Response.Status.FORBIDDEN).entity("verification failed").build();
    }
}
