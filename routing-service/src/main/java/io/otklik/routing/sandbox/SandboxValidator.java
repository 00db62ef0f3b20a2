package io.otklik.routing.sandbox;

import io.otklik.platform.tenant.Tenant;
import io.otklik.platform.tenant.TenantValidator;
import jakarta.enterprise.context.ApplicationScoped;

/** Refuses a tenants.yaml whose {@code sandbox.approver} names nobody on the tenant's staff. */
@ApplicationScoped
public class SandboxValidator implements TenantValidator {

    @Override
    public void validate(Tenant tenant) {
        String approver = tenant.sandbox() == null ? null : tenant.sandbox().approver();
        if (approver != null && !approver.isBlank() && tenant.staffMember(approver.strip()).isEmpty()) {
            throw new IllegalArgumentException("tenant " + tenant.id() + ": sandbox.approver '" + approver
                    + "' is not one of its staff ids");
        }
    }
}
