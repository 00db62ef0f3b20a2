package io.otklik.metrics.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.otklik.events.EventJson;
import io.otklik.metrics.report.Figures;
import io.otklik.metrics.report.GroupBy;
import io.otklik.metrics.report.MetricsReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the dashboard page shows, already formatted for a Russian reader: KPI tiles against the seeds' targets,
 * the trend and funnel chart data, the tables per channel, UTM source and campaign, and the experiments.
 *
 * @param chartJson the data of the two charts, JSON safe to embed in a {@code <script>} element
 */
public record DashboardView(String tenant, String window, List<Tile> tiles, List<Table> tables,
                            List<Verdicts.Experiment> experiments, String chartJson, List<Link> periods,
                            List<Link> tenants) {

    /** Where the page loads Chart.js from: the WebJar inside the service (no CDN; works offline). */
    public static final String CHART_JS = "/webjars/chart.js/4.4.1/dist/chart.umd.js";

    /**
     * One KPI.
     *
     * @param id     stable name for tests and styles ({@code ttfr}, {@code fallback}, …)
     * @param status {@code ok} (meets the target), {@code bad} (misses it) or {@code info} (no fixed target)
     */
    public record Tile(String id, String title, String value, String target, String status) {
    }

    /** A table of groups: a header row and one row of cells per group. */
    public record Table(String id, String title, List<String> headers, List<List<String>> rows) {
    }

    /** A link of the page's navigation. */
    public record Link(String label, String href, boolean current) {
    }

    /**
     * @param byDay      the report grouped by day (its totals are the tiles' numbers)
     * @param byChannel  grouped by channel
     * @param bySource   grouped by UTM source
     * @param byCampaign grouped by UTM campaign
     */
    public static DashboardView of(String tenant, String window, MetricsReport byDay, MetricsReport byChannel,
                                   MetricsReport bySource, MetricsReport byCampaign, List<Link> periods,
                                   List<Link> tenants) {
        Figures t = byDay.totals();
        List<Tile> tiles = new ArrayList<>(List.of(
                new Tile("ttfr", "Первый ответ, медиана", Format.seconds(t.ttfr().p50Ms()),
                        "цель < 5 с; p90 " + Format.seconds(t.ttfr().p90Ms()) + ", бот " + Format.seconds(
                                t.ttfrBot().p50Ms()) + ", сотрудник " + Format.seconds(t.ttfrHuman().p50Ms()),
                        t.ttfr().p50Ms() == null ? "info"
                                : ok(t.ttfr().p50Ms() < Figures.FIRST_RESPONSE_TARGET.toMillis())),
                new Tile("fallback", "Бот не понял (fallback)", Format.percent(t.fallbackRate()), "цель 3–10 %",
                        t.messages() == 0 ? "info" : ok(t.fallbackRate() >= 0.03 && t.fallbackRate() <= 0.10)),
                new Tile("chat_to_lead", "Чат → лид", Format.percent(t.chatToLead()),
                        "цель 10–25 %; " + t.leads() + " из " + t.conversations(),
                        t.conversations() == 0 ? "info" : ok(t.chatToLead() >= 0.10 && t.chatToLead() <= 0.25)),
                new Tile("lqs", "Качество лидов (LQS)", Format.decimal(t.leadQuality().mean()) + " из 5",
                        "цель ≥ 3; оценено " + t.leadQuality().scored(),
                        t.leadQuality().mean() == null ? "info" : ok(t.leadQuality().mean() >= 3.0)),
                new Tile("booked", "Записи", Long.toString(t.booked()),
                        "подтверждено " + Format.percent(t.confirmedShare()), "info"),
                new Tile("no_show", "Неявки", Format.percent(t.noShowRate()),
                        t.noShow() + " из " + t.booked() + "; цель — на 15–40 % меньше, чем без напоминаний", "info"),
                new Tile("intent_accuracy", "Точность интентов", t.intentAccuracy().reviewed() == 0 ? "—"
                        : Format.percent(t.intentAccuracy().accuracy()),
                        "проверено менеджерами: " + t.intentAccuracy().reviewed(), "info")));
        if (t.specialistLoad() != null) {
            double load = t.specialistLoad().load();
            tiles.add(new Tile("load", "Загрузка специалистов", Format.percent(load),
                    "цель 78 % (до Otklik 55 %); " + t.specialistLoad().bookedMinutes() + " из "
                            + t.specialistLoad().workingMinutes() + " мин",
                    t.specialistLoad().workingMinutes() == 0 ? "info" : load >= 0.78 ? "ok" : load < 0.55 ? "bad"
                            : "info"));
        }
        List<Table> tables = List.of(table("channels", "Каналы", "Канал", byChannel),
                table("sources", "Источники (utm_source)", "Источник", bySource),
                table("campaigns", "Кампании (utm_campaign)", "Кампания", byCampaign));
        return new DashboardView(tenant, window, tiles, tables, Verdicts.of(byDay.byVariant()), charts(byDay),
                periods, tenants);
    }

    private static String ok(boolean met) {
        return met ? "ok" : "bad";
    }

    private static Table table(String id, String title, String first, MetricsReport grouped) {
        List<String> headers = List.of(first, "Диалоги", "Сообщения", "Лиды", "Чат → лид", "Записи", "Подтверждено",
                "Неявки", "Первый ответ", "Fallback");
        List<List<String>> rows = new ArrayList<>();
        for (MetricsReport.Group g : grouped.groups()) {
            Figures f = g.figures();
            rows.add(List.of(GroupBy.NONE.equals(g.key()) ? "без метки" : g.key(), Long.toString(f.conversations()), Long.toString(f.messages()),
                    Long.toString(f.leads()), Format.percent(f.chatToLead()), Long.toString(f.booked()),
                    Format.percent(f.confirmedShare()), Format.percent(f.noShowRate()),
                    Format.seconds(f.ttfr().p50Ms()), Format.percent(f.fallbackRate())));
        }
        return new Table(id, title, headers, rows);
    }

    /** Trend (per day) and funnel data for Chart.js. */
    static String charts(MetricsReport byDay) {
        Map<String, Object> data = new LinkedHashMap<>();
        List<String> days = new ArrayList<>();
        List<Long> conversations = new ArrayList<>();
        List<Long> leads = new ArrayList<>();
        List<Long> booked = new ArrayList<>();
        List<Double> ttfr = new ArrayList<>();
        for (MetricsReport.Group g : byDay.groups()) {
            days.add(g.key());
            conversations.add(g.figures().conversations());
            leads.add(g.figures().leads());
            booked.add(g.figures().booked());
            Long p50 = g.figures().ttfr().p50Ms();
            ttfr.add(p50 == null ? null : p50 / 1000.0);
        }
        data.put("days", days);
        data.put("conversations", conversations);
        data.put("leads", leads);
        data.put("booked", booked);
        data.put("ttfrSeconds", ttfr);
        Figures t = byDay.totals();
        data.put("funnelLabels", List.of("Сообщения", "Лиды", "Записи", "Подтверждены", "Пришли"));
        data.put("funnel", List.of(t.messages(), t.leads(), t.booked(), t.confirmed(),
                Math.max(0, t.booked() - t.cancelled() - t.noShow())));
        try {
            // "<" never reaches the page raw, so no value can close the script element
            return EventJson.mapper().writeValueAsString(data).replace("<", "\\u003c");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("chart data of numbers and dates is always serialisable", e);
        }
    }
}
