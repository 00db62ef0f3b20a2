package io.otklik.ingest.api;

import io.otklik.platform.tenant.Tenant;
import io.otklik.platform.web.ApiKeys;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Who calls the conversation API: a tenant (its API key) or the installation's operator (the admin key). */
@ApplicationScoped
public class Callers {

    /** The caller: {@code tenant} is null for the admin. */
    public record Caller(Tenant tenant, boolean admin) {
    }

    private final ApiKeys apiKeys;
    private final Optional<String> adminKey;

    public Callers(ApiKeys apiKeys, @ConfigProperty(name = "OTKLIK_ADMIN_API_KEY") Optional<String> adminKey) {
        this.apiKeys = apiKeys;
        this.adminKey = adminKey.filter(k -> !k.isBlank());
    }

    /** 401 problem+json when the key is missing or nobody's. */
    public Caller of(String apiKey) {
        if (apiKey != null && adminKey.isPresent() && MessageDigest.isEqual(
                adminKey.get().getBytes(StandardCharsets.UTF_8), apiKey.strip().getBytes(StandardCharsets.UTF_8))) {
            return new Caller(null, true);
        }
        Tenant tenant = apiKeys.tenant(apiKey);
        return new Caller(tenant, false);
    }
}
