package io.otklik.ingest.webform;

import io.otklik.platform.tenant.Tenant;
import io.otklik.platform.tenant.TenantRegistry;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.List;
import java.util.Locale;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * CORS for the public form endpoints: every answer under {@code /api/v1/forms/{formId}} (errors included, so the
 * page can show them) carries {@code Access-Control-Allow-Origin} only for an origin in the tenant's
 * {@code webForm.allowedOrigins}. Quarkus' global CORS filter stays off: the allowed origins are per tenant.
 */
public class WebFormCors {

    private static final String PREFIX = "/api/v1/forms/";

    private final TenantRegistry tenants;

    public WebFormCors(TenantRegistry tenants) {
        this.tenants = tenants;
    }

    @ServerResponseFilter
    public void cors(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        if (path == null || !path.startsWith(PREFIX)) {
            return;
        }
        response.getHeaders().add("Vary", "Origin");
        String origin = request.getHeaderString("Origin");
        if (origin == null) {
            return;
        }
        String rest = path.substring(PREFIX.length());
        String formId = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
        tenants.byWebForm(formId).filter(t -> allowed(t, origin)).ifPresent(t -> {
            response.getHeaders().putSingle("Access-Control-Allow-Origin", origin);
            response.getHeaders().putSingle("Access-Control-Expose-Headers", "Content-Type");
        });
    }

    /** Whether the tenant lets pages of this origin ("https://site.example") call its form. */
    public static boolean allowed(Tenant tenant, String origin) {
        Tenant.WebForm form = tenant.channels().webForm();
        List<String> origins = form == null || form.allowedOrigins() == null ? List.of() : form.allowedOrigins();
        String wanted = normalise(origin);
        return origins.stream().anyMatch(o -> normalise(o).equals(wanted));
    }

    private static String normalise(String origin) {
        String o = origin.strip().toLowerCase(Locale.ROOT);
        return o.endsWith("/") ? o.substring(0, o.length() - 1) : o;
    }
}
