package io.otklik.nlu.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.otklik.events.data.Intent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The model the build trained, judged on the held-out split it never saw, and the training's determinism.
 *
 * <p>The floors are issue 5's bar (accuracy ≥ 0.95, macro-F1 ≥ 0.93, fallback rate ≤ 0.08); README "Measured" has
 * the level reached (accuracy 0.951, macro-F1 0.953 on 1 396 held-out messages). Training is deterministic, so a
 * failure here means the data or the model code got worse, never chance.
 */
class ModelTest {

    static final Path TRAIN = Path.of("data/train.tsv");
    static final Path HELDOUT = Path.of("data/heldout.tsv");

    @Test
    void theHeldOutSplitIsNeverTrainedOnAndCoversEveryIntentAndSegment() {
        List<LabelledData.Example> train = LabelledData.read(TRAIN);
        List<LabelledData.Example> heldout = LabelledData.read(HELDOUT);
        Set<String> seen = new HashSet<>();
        train.forEach(e -> seen.add(Trainer.key(e.text())));
        assertThat(heldout).noneMatch(e -> !Trainer.key(e.text()).isEmpty() && seen.contains(Trainer.key(e.text())));
        assertThat(train.size() + heldout.size()).isGreaterThanOrEqualTo(1500);
        for (Intent i : Intent.values()) {
            assertThat(heldout).as("held-out examples of %s", i).filteredOn(e -> e.intent() == i).hasSizeGreaterThan(20);
        }
        assertThat(heldout).extracting(LabelledData.Example::segment).contains("salon", "clinic", "fitness",
                "services");
    }

    @Test
    void onTheHeldOutSplitTheModelMeetsTheBar() {
        IntentModel model = IntentModel.load();
        Evaluation e = Evaluation.of(model, LabelledData.read(HELDOUT), FallbackPolicy.DEFAULT);
        System.out.println(e.report());
        assertThat(e.accuracy()).as(e.summary()).isGreaterThanOrEqualTo(0.95);
        assertThat(e.macroF1()).as(e.summary()).isGreaterThanOrEqualTo(0.93);
        assertThat(e.fallbackRate()).as(e.summary()).isLessThanOrEqualTo(0.08);
        assertThat(e.calibrationError()).as("calibrated: confidence close to the share of right answers")
                .isLessThan(0.05);
    }

    @Test
    void theBuiltModelIsTheOneTheDataDescribes() throws Exception {
        IntentModel model = IntentModel.load();
        assertThat(model.version()).isEqualTo(Trainer.version(Files.readAllBytes(TRAIN)));
        Properties p = model.properties();
        assertThat(Integer.parseInt(p.getProperty("examples"))).isEqualTo(LabelledData.read(TRAIN).size());
    }

    @Test
    void trainingTwiceGivesTheSameModel() throws Exception {
        List<LabelledData.Example> some = LabelledData.read(TRAIN).subList(0, 400);
        byte[] fingerprint = "subset".getBytes(StandardCharsets.UTF_8);
        Trainer.Trained a = Trainer.train(some, fingerprint);
        Trainer.Trained b = Trainer.train(some, fingerprint);
        assertThat(a.version()).isEqualTo(b.version());
        assertThat(a.temperature()).isEqualTo(b.temperature());
        assertThat(a.cvAccuracy()).isEqualTo(b.cvAccuracy());
        IntentModel ma = new IntentModel(a.model(), a.temperature(), a.version(), new Properties());
        IntentModel mb = new IntentModel(b.model(), b.temperature(), b.version(), new Properties());
        for (String text : List.of("Хочу записаться на маникюр", "сколько стоит", "отмените пожалуйста", "да")) {
            assertThat(ma.probabilities(text)).containsExactly(mb.probabilities(text));
        }
    }
}
