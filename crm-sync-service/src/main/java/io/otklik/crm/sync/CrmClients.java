package io.otklik.crm.sync;

import io.otklik.crm.CrmClient;
import io.otklik.platform.tenant.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The CRM client of each {@code crm.type} in tenants.yaml: every {@link CrmClient} bean (bitrix24, amocrm). */
@ApplicationScoped
public class CrmClients {

    private final Map<String, CrmClient> byType = new HashMap<>();

    public CrmClients(Instance<CrmClient> clients) {
        clients.forEach(c -> byType.put(c.type(), c));
    }

    /** The client for the tenant's CRM; empty when the tenant has none or one we do not support yet. */
    public Optional<CrmClient> forTenant(Tenant tenant) {
        if (tenant == null || tenant.crm() == null || tenant.crm().type() == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(byType.get(tenant.crm().type()));
    }
}
