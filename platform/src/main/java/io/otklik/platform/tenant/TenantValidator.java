package io.otklik.platform.tenant;

/**
 * A service's own checks of a tenant's settings (routing-service parses the rules), run whenever tenants.yaml is
 * (re)loaded. A tenant that fails refuses the whole file.
 */
@FunctionalInterface
public interface TenantValidator {

    /** @throws IllegalArgumentException saying what is wrong (and where, if it can) */
    void validate(Tenant tenant);
}
