package io.otklik.metrics.dashboard;

import io.otklik.metrics.report.ApiAccess;
import io.otklik.metrics.report.GroupBy;
import io.otklik.metrics.report.MetricsReport;
import io.otklik.metrics.report.MetricsService;
import io.otklik.metrics.report.ReportQuery;
import io.otklik.metrics.report.Scope;
import io.otklik.platform.tenant.Tenant;
import io.otklik.platform.tenant.TenantRegistry;
import io.otklik.platform.web.ProblemException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The owner's page at {@code /dashboard}: the same numbers as {@code GET /api/v1/metrics}, in Russian, rendered
 * with Qute; charts by Chart.js from its WebJar. The API key is asked once on a login form and kept in an HttpOnly
 * cookie of this path; a tenant's key sees its tenant, the admin key any (or all) tenants.
 */
@Path("/dashboard")
public class DashboardResource {

    public static final String COOKIE = "otklik_dashboard_key";
    /** The windows the page offers, in days. */
    static final List<Integer> DAYS = List.of(1, 7, 30, 90);

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Format.RU);

    private final ApiAccess access;
    private final MetricsService metrics;
    private final TenantRegistry tenants;
    private final Clock clock;

    public DashboardResource(ApiAccess access, MetricsService metrics, TenantRegistry tenants, Clock clock) {
        this.access = access;
        this.metrics = metrics;
        this.tenants = tenants;
        this.clock = clock;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(DashboardView view, String chartJs);

        static native TemplateInstance login(String error);
    }

    /**
     * @param days the window: the last N days up to now (default 7); {@code from}/{@code to} (ISO instants) instead
     */
    @GET
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> page(@CookieParam(COOKIE) String key, @QueryParam("tenant") String tenant,
                              @QueryParam("days") Integer days, @QueryParam("from") String from,
                              @QueryParam("to") String to) {
        Scope scope;
        try {
            scope = access.scope(key, tenant);
        } catch (ProblemException e) {
            if (e.problem().status() == 401) {
                return Uni.createFrom().item(html(401, Templates.login(key == null ? null
                        : "Ключ больше не действует: войдите снова.")));
            }
            return Uni.createFrom().item(html(e.problem().status(), Templates.login(
                    "Этот ключ не открывает показатели «" + tenant + "».")));
        }
        int window = days == null || !DAYS.contains(days) ? 7 : days;
        ReportQuery query = ReportQuery.parse(from, to, null, null, clock.instant(), Duration.ofDays(window));
        String tenantParam = scope.all() ? "" : "&tenant=" + encode(scope.tenantId());
        List<DashboardView.Link> periods = new ArrayList<>();
        for (int d : DAYS) {
            periods.add(new DashboardView.Link(d == 1 ? "сутки" : d + " дней", "/dashboard?days=" + d + tenantParam,
                    from == null && d == window));
        }
        List<DashboardView.Link> tenantLinks = new ArrayList<>();
        if (access.admin(key)) {
            tenantLinks.add(new DashboardView.Link("все", "/dashboard?days=" + window, scope.all()));
            for (Tenant t : tenants.all()) {
                tenantLinks.add(new DashboardView.Link(t.name() == null ? t.id() : t.name(),
                        "/dashboard?days=" + window + "&tenant=" + encode(t.id()), t.id().equals(scope.tenantId())));
            }
        }
        String title = scope.all() ? "все компании"
                : tenants.byId(scope.tenantId()).map(t -> t.name() == null ? t.id() : t.name())
                .orElse(scope.tenantId());
        String span = DATE.format(query.from().atZone(metrics.zone(scope))) + " — "
                + DATE.format(query.to().minusMillis(1).atZone(metrics.zone(scope)));
        return metrics.reports(scope, query, List.of(GroupBy.DAY, GroupBy.CHANNEL, GroupBy.UTM_SOURCE,
                        GroupBy.UTM_CAMPAIGN))
                .map(r -> html(200, Templates.dashboard(DashboardView.of(title, span, r.get(0), r.get(1), r.get(2),
                        r.get(3), periods, tenantLinks), DashboardView.CHART_JS)));
    }

    /** The login form's answer: a valid key is kept in the cookie; a wrong one shows the form again. */
    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response login(@FormParam("key") String key) {
        String k = key == null ? "" : key.strip();
        try {
            access.scope(k, null);
        } catch (ProblemException e) {
            return html(401, Templates.login("Неверный ключ доступа."));
        }
        return Response.seeOther(URI.create("/dashboard")).cookie(cookie(k, -1)).build();
    }

    @POST
    @Path("logout")
    public Response logout() {
        return Response.seeOther(URI.create("/dashboard")).cookie(cookie("", 0)).build();
    }

    private static NewCookie cookie(String value, int maxAge) {
        return new NewCookie.Builder(COOKIE).value(value).path("/dashboard").httpOnly(true)
                .sameSite(NewCookie.SameSite.STRICT).maxAge(maxAge).build();
    }

    private static Response html(int status, TemplateInstance page) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(page.render()).build();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
