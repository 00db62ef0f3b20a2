package io.otklik.ingest.api;

import io.otklik.platform.tenant.Tenant;
import io.otklik.platform.tenant.TenantRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Links to one conversation that staff can open from a Telegram handoff message without an API key:
 * {@code {otklik.public-url}/api/v1/conversations/{id}?token=...}, where the token is HMAC-SHA256 of
 * "tenant|conversation" keyed with the tenant's API key (so rotating the key revokes old links).
 */
@ApplicationScoped
public class ConversationLinks {

    private final String publicUrl;
    private final TenantRegistry tenants;

    public ConversationLinks(@ConfigProperty(name = "otklik.public-url") String publicUrl, TenantRegistry tenants) {
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.tenants = tenants;
    }

    /** The link, or empty when the tenant has no API key to sign it with. */
    public Optional<String> link(Tenant tenant, String conversationId) {
        return token(tenant, conversationId).map(token -> publicUrl + "/api/v1/conversations/"
                + URLEncoder.encode(conversationId, StandardCharsets.UTF_8) + "?token=" + token);
    }

    /** Whether {@code token} opens this tenant's conversation (constant-time comparison). */
    public boolean valid(Tenant tenant, String conversationId, String token) {
        if (token == null) {
            return false;
        }
        return token(tenant, conversationId).map(expected -> MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII), token.getBytes(StandardCharsets.US_ASCII)))
                .orElse(false);
    }

    Optional<String> token(Tenant tenant, String conversationId) {
        return tenants.secret(tenant.apiKeyEnv()).map(key -> hmac(key, tenant.id() + '|' + conversationId));
    }

    private static String hmac(String key, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
