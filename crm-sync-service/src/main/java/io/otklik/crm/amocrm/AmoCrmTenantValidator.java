package io.otklik.crm.amocrm;

import io.otklik.events.data.LeadStatus;
import io.otklik.platform.tenant.Tenant;
import io.otklik.platform.tenant.TenantValidator;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;

/**
 * Refuses a tenants file whose amoCRM connection cannot work (checked at start and on every reload), so a typo shows
 * up as a log line naming the tenant and key rather than as failed sync tasks later.
 */
@ApplicationScoped
public class AmoCrmTenantValidator implements TenantValidator {

    @Override
    public void validate(Tenant tenant) {
        Tenant.Crm crm = tenant.crm();
        if (crm == null || !AmoCrmClient.TYPE.equals(crm.type())) {
            return;
        }
        if (AmoCrmClient.baseUri(crm.baseUrl()) == null) {
            throw new IllegalArgumentException("crm.baseUrl must be the account's http(s) URL, e.g."
                    + " https://example.amocrm.ru");
        }
        if (crm.accessTokenEnv() == null || crm.accessTokenEnv().isBlank()) {
            throw new IllegalArgumentException("crm.accessTokenEnv must name the amoCRM long-lived token's variable");
        }
        if (crm.pipelineId() != null && crm.pipelineId() <= 0) {
            throw new IllegalArgumentException("crm.pipelineId must be a positive amoCRM pipeline id");
        }
        crm.statuses().forEach((status, id) -> {
            if (Arrays.stream(LeadStatus.values()).noneMatch(s -> s.name().equals(status))) {
                throw new IllegalArgumentException("crm.statuses." + status + " is not one of "
                        + Arrays.toString(LeadStatus.values()));
            }
            if (id == null || !id.strip().matches("[1-9][0-9]{0,17}")) {
                throw new IllegalArgumentException("crm.statuses." + status + " must be an amoCRM status id");
            }
        });
    }
}
