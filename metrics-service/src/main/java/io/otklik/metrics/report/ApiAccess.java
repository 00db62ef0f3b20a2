package io.otklik.metrics.report;

import io.otklik.platform.tenant.Tenant;
import io.otklik.platform.tenant.TenantRegistry;
import io.otklik.platform.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who may see which numbers: a tenant's API key sees that tenant; the operator's admin key sees every tenant's
 * totals, or one tenant's with {@code ?tenant=}. Keys are compared in constant time.
 */
@ApplicationScoped
public class ApiAccess {

    private final TenantRegistry tenants;
    private final Optional<String> adminKey;

    public ApiAccess(TenantRegistry tenants,
                     @ConfigProperty(name = "otklik.admin-api-key") Optional<String> adminKey) {
        this.tenants = tenants;
        this.adminKey = adminKey.filter(k -> !k.isBlank());
    }

    /**
     * @param apiKey      the {@code X-Api-Key} header
     * @param tenantParam the {@code tenant} query parameter, if any
     * @throws ProblemException 401 without a valid key, 403 when a tenant key asks for another tenant, 404 for an
     *                          unknown tenant
     */
    public Scope scope(String apiKey, String tenantParam) {
        String wanted = tenantParam == null || tenantParam.isBlank() ? null : tenantParam.strip();
        if (admin(apiKey)) {
            if (wanted == null) {
                return Scope.ALL;
            }
            return Scope.tenant(tenants.byId(wanted)
                    .orElseThrow(() -> ProblemException.notFound("no tenant '" + wanted + "'")).id());
        }
        Tenant tenant = tenants.byApiKey(apiKey).orElseThrow(() -> ProblemException.unauthorized(
                "send a tenant's API key (or the admin key) in the X-Api-Key header"));
        if (wanted != null && !wanted.equals(tenant.id())) {
            throw new ProblemException(403, "Forbidden", "this API key sees only tenant '" + tenant.id() + "'",
                    "tenant");
        }
        return Scope.tenant(tenant.id());
    }

    /** Whether the key is the operator's (admin) key. */
    public boolean admin(String apiKey) {
        if (apiKey == null || adminKey.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(adminKey.get().getBytes(StandardCharsets.UTF_8),
                apiKey.getBytes(StandardCharsets.UTF_8));
    }
}
