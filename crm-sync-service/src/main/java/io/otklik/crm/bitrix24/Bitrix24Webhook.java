package io.otklik.crm.bitrix24;

import io.otklik.crm.CrmOutcome;
import io.otklik.platform.tenant.Tenant;
import io.otklik.platform.tenant.TenantRegistry;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A tenant's Bitrix24 inbound-webhook URL (a secret named by {@code crm.webhookUrlEnv}), read once per call by both
 * the writes ({@link Bitrix24Client}) and the reads ({@link Bitrix24Reader}). Neither the URL nor anything derived from
 * it but the host is ever logged or stored.
 *
 * @param url  the URL without trailing slashes; the method path is appended
 * @param host host[:port], the key of the portal's rate-limit bucket
 */
record Bitrix24Webhook(String url, String host) {

    /** The tenant's webhook, or null when the variable is not set or not a URL. */
    static Bitrix24Webhook of(TenantRegistry tenants, Tenant tenant) {
        String url = tenants.secret(reference(tenant)).map(u -> u.strip().replaceAll("/+$", "")).orElse(null);
        URI uri;
        try {
            uri = url == null ? null : URI.create(url);
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null || uri.getHost() == null) {
            return null;
        }
        return new Bitrix24Webhook(url, uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : ""));
    }

    /** The outcome of a call for a tenant without a usable webhook URL: permanent until the configuration is fixed. */
    static CrmOutcome notConfigured(Tenant tenant) {
        return CrmOutcome.failed(0, "not_configured",
                "the Bitrix24 webhook URL " + reference(tenant) + " is not set or not a URL", false);
    }

    /** A REST client of the given interface for a webhook URL, with the connect and read timeout. */
    static <A> A client(String url, Duration timeout, Class<A> api) {
        return QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(url))
                .connectTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .build(api);
    }

    private static String reference(Tenant tenant) {
        return tenant.crm() == null ? null : tenant.crm().webhookUrlEnv();
    }
}
