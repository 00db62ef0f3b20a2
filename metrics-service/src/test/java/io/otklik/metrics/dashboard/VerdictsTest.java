package io.otklik.metrics.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.otklik.metrics.report.MetricsReport.VariantReport;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VerdictsTest {

    static VariantReport arm(long booked, long confirmed, long noShow) {
        return new VariantReport(booked, confirmed, noShow, (double) confirmed / booked, (double) noShow / booked);
    }

    @Test
    void tooFewBookingsInAnArmIsTooEarly() {
        Verdicts.Experiment e = Verdicts.judge("reminder-timing", Map.of("A", arm(40, 30, 2), "B", arm(12, 3, 6)));
        assertThat(e.status()).isEqualTo("wait");
        assertThat(e.verdict()).isEqualTo("Мало данных: в варианте «B» 12 записей, а для вывода нужно хотя бы 20"
                + " в каждом. Продолжайте тест.");
    }

    @Test
    void aRealDifferenceInNoShowsNamesTheBetterArm() {
        Map<String, VariantReport> arms = new LinkedHashMap<>();
        arms.put("A", arm(50, 30, 15));  // 30 % no-shows
        arms.put("B", arm(50, 32, 3));   // 6 %
        Verdicts.Experiment e = Verdicts.judge("reminder-timing", arms);
        assertThat(e.status()).isEqualTo("win");
        // Fisher: 15 of 50 against 3 of 50 is far below 0.05
        assertThat(Significance.pValue(new long[] {15, 3}, new long[] {50, 50})).isLessThan(0.01);
        assertThat(e.verdict()).startsWith("В варианте «B» реже не приходят: 6,0 % против 30 % в «A» (p = ")
                .endsWith("Разница статистически значима — вариант «B» можно оставить для всех клиентов.");
        assertThat(e.arms()).extracting(Verdicts.Arm::noShowRate).containsExactly("30 %", "6,0 %");
    }

    @Test
    void aRealDifferenceInConfirmationsWhenNoShowsAreAlike() {
        Verdicts.Experiment e = Verdicts.judge("confirm-wording",
                Map.of("A", arm(40, 12, 4), "B", arm(40, 30, 4)));
        assertThat(e.status()).isEqualTo("win");
        assertThat(e.noShowP()).isEqualTo("1,000");
        assertThat(e.verdict()).startsWith("В варианте «B» чаще подтверждают запись: 75 % против 30 % в «A»");
    }

    @Test
    void noDifferenceSaysSoWithBothPValues() {
        Verdicts.Experiment e = Verdicts.judge("confirm-wording",
                Map.of("A", arm(30, 20, 3), "B", arm(30, 21, 4)));
        assertThat(e.status()).isEqualTo("none");
        assertThat(e.verdict()).startsWith("Разницы не видно (p = 1,000 по неявкам, 1,000 по подтверждениям)");
    }

    @Test
    void oneArmAloneHasNothingToCompare() {
        Verdicts.Experiment e = Verdicts.judge("x", Map.of("A", arm(3, 1, 0)));
        assertThat(e.verdict()).isEqualTo("Пока записи есть только в варианте «A» — сравнивать не с чем.");
    }

    @Test
    void russianNumbers() {
        assertThat(Format.percent(0.5)).isEqualTo("50 %");
        assertThat(Format.percent(0.034)).isEqualTo("3,4 %");
        assertThat(Format.percent(0)).isEqualTo("0 %");
        assertThat(Format.seconds(1234L)).isEqualTo("1,2 с");
        assertThat(Format.seconds(null)).isEqualTo("—");
        assertThat(Format.p(0.0004)).isEqualTo("< 0,001");
        assertThat(Format.bookings(1)).isEqualTo("1 запись");
        assertThat(Format.bookings(3)).isEqualTo("3 записи");
        assertThat(Format.bookings(11)).isEqualTo("11 записей");
        assertThat(Format.bookings(22)).isEqualTo("22 записи");
        assertThat(Format.bookings(25)).isEqualTo("25 записей");
    }

    @Test
    void chartJsIsPackagedAtThePathThePageLoads() {
        assertThat(getClass().getResource("/META-INF/resources" + DashboardView.CHART_JS)).isNotNull();
    }
}
