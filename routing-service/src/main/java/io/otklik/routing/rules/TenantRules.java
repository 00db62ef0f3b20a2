package io.otklik.routing.rules;

import io.otklik.platform.tenant.Tenant;
import io.otklik.platform.tenant.TenantValidator;
import io.otklik.platform.tenant.TextSettingException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each tenant's parsed rules ({@code rules} in tenants.yaml, else {@link RuleSet#DEFAULT_TEXT}). As a
 * {@link TenantValidator} it makes TenantRegistry refuse a tenants file whose rules do not parse or name unknown
 * staff, at start-up and on every reload.
 */
@ApplicationScoped
public class TenantRules implements TenantValidator {

    /** Parsed sets by tenant and text: a reloaded text parses once, the old entry is dropped. */
    private final Map<String, RuleSet> cache = new ConcurrentHashMap<>();

    @Override
    public void validate(Tenant tenant) {
        try {
            parse(tenant);
        } catch (RulesException e) {
            throw new TextSettingException("rules", e.line(), e.column(), "rules " + e.getMessage(), e);
        }
    }

    /** The tenant's rules; the tenant was validated when its file was loaded. */
    public RuleSet of(Tenant tenant) {
        RuleSet cached = cache.get(tenant.id());
        String text = textOf(tenant);
        if (cached != null && text.equals(cached.text())) {
            return cached;
        }
        RuleSet parsed = parse(tenant);
        cache.put(tenant.id(), parsed);
        return parsed;
    }

    static RuleSet parse(Tenant tenant) {
        return RulesParser.parse(textOf(tenant)).validate(tenant);
    }

    static String textOf(Tenant tenant) {
        return tenant.rules() == null || tenant.rules().isBlank() ? RuleSet.DEFAULT_TEXT : tenant.rules();
    }
}
