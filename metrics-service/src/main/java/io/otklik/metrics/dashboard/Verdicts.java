package io.otklik.metrics.dashboard;

import io.otklik.metrics.report.MetricsReport;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The experiments table: each arm's confirmed share and no-show rate, the p-values of {@link Significance}, and a
 * verdict an owner can act on, in Russian.
 */
public final class Verdicts {

    /** Fewer bookings than this in an arm: too early for any conclusion. */
    public static final int MIN_BOOKINGS = 20;

    private Verdicts() {
    }

    /** One arm's row. */
    public record Arm(String name, long booked, long confirmed, long noShow, String confirmedShare,
                      String noShowRate) {
    }

    /**
     * @param status {@code wait} (too little data), {@code win} (a real difference), {@code none} (no difference)
     */
    public record Experiment(String id, List<Arm> arms, String confirmedP, String noShowP, String verdict,
                             String status) {
    }

    public static List<Experiment> of(Map<String, Map<String, MetricsReport.VariantReport>> byVariant) {
        List<Experiment> result = new ArrayList<>();
        byVariant.forEach((id, arms) -> result.add(judge(id, arms)));
        return result;
    }

    static Experiment judge(String id, Map<String, MetricsReport.VariantReport> arms) {
        List<String> names = new ArrayList<>(arms.keySet());
        long[] booked = new long[names.size()];
        long[] confirmed = new long[names.size()];
        long[] missed = new long[names.size()];
        List<Arm> rows = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            MetricsReport.VariantReport v = arms.get(names.get(i));
            booked[i] = v.booked();
            // an arm's confirmations and no-shows of bookings made before the window can exceed its bookings
            confirmed[i] = Math.min(v.confirmed(), v.booked());
            missed[i] = Math.min(v.noShow(), v.booked());
            rows.add(new Arm(names.get(i), v.booked(), v.confirmed(), v.noShow(), Format.percent(v.confirmedShare()),
                    Format.percent(v.noShowRate())));
        }
        double pConfirmed = Significance.pValue(confirmed, booked);
        double pNoShow = Significance.pValue(missed, booked);
        String verdict;
        String status;
        int smallest = 0;
        for (int i = 1; i < names.size(); i++) {
            if (booked[i] < booked[smallest]) {
                smallest = i;
            }
        }
        if (names.size() < 2) {
            verdict = "Пока записи есть только в варианте «" + names.get(0) + "» — сравнивать не с чем.";
            status = "wait";
        } else if (booked[smallest] < MIN_BOOKINGS) {
            verdict = "Мало данных: в варианте «" + names.get(smallest) + "» " + Format.bookings(booked[smallest])
                    + ", а для вывода нужно хотя бы " + MIN_BOOKINGS + " в каждом. Продолжайте тест.";
            status = "wait";
        } else if (pNoShow < Significance.ALPHA) {
            verdict = better(names, arms, Comparator.comparingDouble(n -> arms.get(n).noShowRate()),
                    "реже не приходят", MetricsReport.VariantReport::noShowRate, pNoShow);
            status = "win";
        } else if (pConfirmed < Significance.ALPHA) {
            verdict = better(names, arms, Comparator.comparingDouble(n -> -arms.get(n).confirmedShare()),
                    "чаще подтверждают запись", MetricsReport.VariantReport::confirmedShare, pConfirmed);
            status = "win";
        } else {
            verdict = "Разницы не видно (p = " + Format.p(pNoShow) + " по неявкам, " + Format.p(pConfirmed)
                    + " по подтверждениям): расхождение может быть случайным. Продолжайте тест или оставьте любой"
                    + " вариант.";
            status = "none";
        }
        return new Experiment(id, rows, Format.p(pConfirmed), Format.p(pNoShow), verdict, status);
    }

    private static String better(List<String> names, Map<String, MetricsReport.VariantReport> arms,
                                 Comparator<String> best, String what,
                                 java.util.function.ToDoubleFunction<MetricsReport.VariantReport> share, double p) {
        List<String> ranked = names.stream().sorted(best).toList();
        String winner = ranked.get(0);
        String loser = ranked.get(ranked.size() - 1);
        return "В варианте «" + winner + "» " + what + ": " + Format.percent(share.applyAsDouble(arms.get(winner)))
                + " против " + Format.percent(share.applyAsDouble(arms.get(loser))) + " в «" + loser + "» (p = "
                + Format.p(p) + "). Разница статистически значима — вариант «" + winner
                + "» можно оставить для всех клиентов.";
    }
}
