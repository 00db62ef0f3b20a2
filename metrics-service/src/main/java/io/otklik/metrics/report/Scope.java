package io.otklik.metrics.report;

/**
 * Whose numbers a report shows: one tenant, or every tenant (the operator's totals).
 *
 * @param tenantId the tenant, or null for all tenants
 */
public record Scope(String tenantId) {

    public static final Scope ALL = new Scope(null);

    public static Scope tenant(String tenantId) {
        return new Scope(tenantId);
    }

    public boolean all() {
        return tenantId == null;
    }

    /** How the report names the scope: the tenant id, or {@code *}. */
    public String label() {
        return all() ? "*" : tenantId;
    }
}
