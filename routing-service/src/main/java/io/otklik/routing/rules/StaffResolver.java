package io.otklik.routing.rules;

import io.otklik.platform.tenant.Tenant;
import java.time.Instant;
import java.util.Optional;

/**
 * Turns a role into the person who holds it now. The default takes the first staff member with the role (and the
 * skill, for specialists); an on-duty rota can replace it without touching the engine.
 */
@FunctionalInterface
public interface StaffResolver {

    /**
     * @param role  owner, on-duty or specialist
     * @param skill a service code the person must do, or null
     */
    Optional<Tenant.Staff> resolve(Tenant tenant, String role, String skill, Instant now);

    StaffResolver FIRST_WITH_ROLE = (tenant, role, skill, now) -> tenant.staff().stream()
            .filter(s -> role.equals(s.role()))
            .filter(s -> skill == null || s.skills().contains(skill))
            .findFirst();
}
