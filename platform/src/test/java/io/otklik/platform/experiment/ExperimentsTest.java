package io.otklik.platform.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otklik.platform.tenant.Tenant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ExperimentsTest {

    private static final int UNITS = 20_000;

    private static Tenant.Variant arm(String name, int weight) {
        return new Tenant.Variant(name, weight, null, null);
    }

    private static Tenant tenant(List<Tenant.Experiment> experiments) {
        return new Tenant("t", "T", "Europe/Moscow", "salon", null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, experiments);
    }

    private static String unit(int i) {
        return "conversation-" + i;
    }

    @Test
    void theSameUnitAlwaysGetsTheSameArm() {
        Tenant.Experiment e = new Tenant.Experiment("confirm-wording", "script", List.of(arm("A", 1), arm("B", 1)));
        for (int i = 0; i < 200; i++) {
            String id = UUID.randomUUID().toString();
            String first = Experiments.assign(e, id).name();
            // a copy of the experiment (a reloaded tenants file) assigns alike
            Tenant.Experiment reloaded = new Tenant.Experiment("confirm-wording", null,
                    List.of(arm("A", 1), arm("B", 1)));
            assertThat(Experiments.assign(reloaded, id).name()).isEqualTo(first);
            assertThat(Experiments.assign(e, id).name()).isEqualTo(first);
        }
    }

    @Test
    void sharesFollowTheWeightsWithinTwoPercent() {
        Tenant.Experiment e = new Tenant.Experiment("greeting", "script", List.of(arm("A", 3), arm("B", 1)));
        Map<String, Integer> counts = count(e);
        assertThat(counts.get("A") / (double) UNITS).isBetween(0.73, 0.77);
        assertThat(counts.get("B") / (double) UNITS).isBetween(0.23, 0.27);
    }

    @Test
    void aThreeArmExperimentUsesEveryArmByItsWeight() {
        Tenant.Experiment e = new Tenant.Experiment("tone", "script",
                List.of(arm("formal", 2), arm("friendly", 1), arm("short", 1)));
        Map<String, Integer> counts = count(e);
        assertThat(counts).containsOnlyKeys("formal", "friendly", "short");
        assertThat(counts.get("formal") / (double) UNITS).isBetween(0.48, 0.52);
        assertThat(counts.get("friendly") / (double) UNITS).isBetween(0.23, 0.27);
        assertThat(counts.get("short") / (double) UNITS).isBetween(0.23, 0.27);
    }

    @Test
    void changingAnotherExperimentMovesNoArm() {
        Tenant.Experiment wording = new Tenant.Experiment("confirm-wording", "script",
                List.of(arm("A", 1), arm("B", 1)));
        Tenant before = tenant(List.of(wording,
                new Tenant.Experiment("greeting", "script", List.of(arm("A", 1), arm("B", 1)))));
        Tenant after = tenant(List.of(
                new Tenant.Experiment("new-one", "script", List.of(arm("X", 5), arm("Y", 1))), wording,
                new Tenant.Experiment("greeting", "script", List.of(arm("A", 9), arm("B", 1), arm("C", 1)))));
        for (int i = 0; i < 2_000; i++) {
            assertThat(Experiments.variants(after, "script", unit(i)).get("confirm-wording"))
                    .isEqualTo(Experiments.variants(before, "script", unit(i)).get("confirm-wording"));
        }
    }

    @Test
    void experimentsAreIndependentOfEachOther() {
        // with the experiment id in the hash, being B in one experiment says nothing about the other
        Tenant t = tenant(List.of(new Tenant.Experiment("one", "script", List.of(arm("A", 1), arm("B", 1))),
                new Tenant.Experiment("two", "script", List.of(arm("A", 1), arm("B", 1)))));
        int same = 0;
        for (int i = 0; i < UNITS; i++) {
            Map<String, String> arms = Experiments.variants(t, "script", unit(i));
            if (arms.get("one").equals(arms.get("two"))) {
                same++;
            }
        }
        assertThat(same / (double) UNITS).isBetween(0.48, 0.52);
    }

    @Test
    void variantsListsTheExperimentsOfOneKindInTheirOrder() {
        Tenant t = tenant(List.of(
                new Tenant.Experiment("b-first", "script", List.of(arm("A", 1), arm("B", 1))),
                new Tenant.Experiment("timing", "reminders", List.of(arm("A", 1), arm("B", 1))),
                new Tenant.Experiment("a-second", null, List.of(arm("A", 1), arm("B", 1)))));
        assertThat(Experiments.variants(t, "script", "c-1").keySet()).containsExactly("b-first", "a-second");
        assertThat(Experiments.variants(t, "reminders", "c-1").keySet()).containsExactly("timing");
        assertThat(Experiments.variants(tenant(null), "script", "c-1")).isEmpty();
        assertThat(Experiments.variant(t, "b-first", "B")).map(Tenant.Variant::name).contains("B");
        assertThat(Experiments.variant(t, "b-first", "Z")).isEmpty();
    }

    @Test
    void aWeightBelowOneIsRefused() {
        Tenant.Experiment e = new Tenant.Experiment("x", "script", List.of(arm("A", 1), arm("B", 0)));
        assertThatThrownBy(() -> Experiments.assign(e, "c-1")).hasMessageContaining("weight 0");
    }

    private static Map<String, Integer> count(Tenant.Experiment e) {
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < UNITS; i++) {
            counts.merge(Experiments.assign(e, unit(i)).name(), 1, Integer::sum);
        }
        return counts;
    }
}
