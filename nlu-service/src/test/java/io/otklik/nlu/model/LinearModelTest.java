package io.otklik.nlu.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import opennlp.tools.ml.maxent.io.BinaryQNModelReader;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.MaxentModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The fast layout evaluates exactly what OpenNLP evaluates, on the model the build trained. */
class LinearModelTest {

    static MaxentModel opennlp;
    static LinearModel fast;

    @BeforeAll
    static void load() throws Exception {
        try (InputStream bin = LinearModelTest.class.getClassLoader().getResourceAsStream(IntentModel.RESOURCE)) {
            opennlp = new BinaryQNModelReader(new DataInputStream(new GZIPInputStream(new BufferedInputStream(bin))))
                    .getModel();
        }
        fast = LinearModel.of(opennlp);
    }

    @Test
    void everyFeatureAndOutcomeIsCarriedOver() {
        Map<?, ?> predicates = (Map<?, ?>) ((AbstractModel) opennlp).getDataStructures()[1];
        assertThat(fast.features()).isEqualTo(predicates.size()).isGreaterThan(1000);
        for (int i = 0; i < opennlp.getNumOutcomes(); i++) {
            assertThat(fast.indexOf(opennlp.getOutcome(i))).isEqualTo(i);
        }
        assertThat(fast.indexOf("NO_SUCH_INTENT")).isEqualTo(-1);
    }

    @Test
    void probabilitiesEqualOpenNlpsOnEveryHeldOutMessage() {
        List<LabelledData.Example> heldout = LabelledData.read(Path.of("data/heldout.tsv"));
        for (LabelledData.Example e : heldout) {
            String[] features = IntentFeatures.of(e.text());
            double[] expected = opennlp.eval(features);
            double[] actual = fast.eval(features);
            assertThat(actual).as(e.text()).hasSameSizeAs(expected);
            for (int j = 0; j < expected.length; j++) {
                assertThat(actual[j]).as("%s, outcome %s", e.text(), opennlp.getOutcome(j))
                        .isCloseTo(expected[j], within(1e-12));
            }
        }
    }

    @Test
    void repeatedAndUnknownFeaturesCountAsOpenNlpCountsThem() {
        String[] features = {"w:запис", "w:запис", "never-seen-feature", ""};
        double[] expected = opennlp.eval(features);
        double[] actual = fast.eval(features);
        for (int j = 0; j < expected.length; j++) {
            assertThat(actual[j]).isCloseTo(expected[j], within(1e-12));
        }
        double[] none = fast.eval(new String[] {"never-seen-feature"});
        for (double p : none) {
            assertThat(p).isCloseTo(1.0 / none.length, within(1e-12));
        }
    }
}
