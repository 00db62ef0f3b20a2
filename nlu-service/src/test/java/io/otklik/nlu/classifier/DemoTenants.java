package io.otklik.nlu.classifier;

import io.otklik.platform.tenant.Tenant;
import io.otklik.platform.tenant.TenantRegistry;

/** The demo tenants of the repository's tenants.yaml, for unit tests (secrets are not needed here). */
final class DemoTenants {

    static final TenantRegistry REGISTRY = new TenantRegistry("../tenants.yaml", null);
    static final Tenant SALON = REGISTRY.require("demo-salon");
    static final Tenant CLINIC = REGISTRY.require("demo-clinic");

    private DemoTenants() {
    }
}
