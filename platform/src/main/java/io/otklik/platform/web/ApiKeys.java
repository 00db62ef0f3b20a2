package io.otklik.platform.web;

import io.otklik.platform.tenant.Tenant;
import io.otklik.platform.tenant.TenantRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/** Scopes a REST call to the tenant its {@code X-Api-Key} header belongs to. */
@ApplicationScoped
public class ApiKeys {

    public static final String HEADER = "X-Api-Key";

    private final TenantRegistry tenants;

    public ApiKeys(TenantRegistry tenants) {
        this.tenants = tenants;
    }

    /** The caller's tenant; 401 problem+json when the key is missing or belongs to no tenant. */
    public Tenant tenant(String apiKey) {
        if (apiKey == null || apiKey.isBlank()) {
            throw ProblemException.unauthorized("the " + HEADER + " header is missing");
        }
        return tenants.byApiKey(apiKey.strip())
                .orElseThrow(() -> ProblemException.unauthorized("the " + HEADER + " is not a valid API key"));
    }
}
