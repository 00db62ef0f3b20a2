package io.otklik.nlu.model;

import io.otklik.events.data.Intent;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import java.util.zip.GZIPInputStream;
import opennlp.tools.ml.maxent.io.BinaryQNModelReader;
import opennlp.tools.ml.model.MaxentModel;

/**
 * The embedded intent model: an OpenNLP maximum-entropy (multinomial logistic regression, L-BFGS) model over
 * {@link IntentFeatures}, trained at build time by {@link Trainer}, with a temperature that calibrates its
 * probabilities (fitted on cross-validated predictions of the training data). Evaluated through {@link LinearModel}
 * (the same weights, laid out for speed). Thread-safe.
 */
public final class IntentModel {

    /** Where the build puts the model and its description, on the classpath. */
    public static final String RESOURCE = "nlu/intent-model.bin.gz";
    public static final String PROPERTIES = "nlu/intent-model.properties";

    private static final Intent[] INTENTS = Intent.values();

    private final LinearModel model;
    private final int[] outcomeOf;
    private final double temperature;
    private final String version;
    private final Properties properties;

    IntentModel(MaxentModel model, double temperature, String version, Properties properties) {
        this.model = LinearModel.of(model);
        this.temperature = temperature;
        this.version = version;
        this.properties = properties;
        this.outcomeOf = outcomes(model);
    }

    /** The model the build trained, from the classpath. */
    public static IntentModel load() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader() != null
                ? Thread.currentThread().getContextClassLoader() : IntentModel.class.getClassLoader();
        Properties p = new Properties();
        try (InputStream props = loader.getResourceAsStream(PROPERTIES);
             InputStream bin = loader.getResourceAsStream(RESOURCE)) {
            if (props == null || bin == null) {
                throw new IllegalStateException("the intent model is not on the classpath (" + RESOURCE
                        + "): it is trained when nlu-service is built — run 'mvn -pl nlu-service -am package'");
            }
            p.load(new java.io.InputStreamReader(props, java.nio.charset.StandardCharsets.UTF_8));
            MaxentModel m = new BinaryQNModelReader(new DataInputStream(new GZIPInputStream(
                    new BufferedInputStream(bin)))).getModel();
            return new IntentModel(m, Double.parseDouble(p.getProperty("temperature", "1")),
                    p.getProperty("version"), p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the intent model", e);
        }
    }

    /** {@code embedded-maxent-<hash of data, features and parameters>}. */
    public String version() {
        return version;
    }

    /** What the trainer wrote about the model (data size, cross-validated accuracy, parameters). */
    public Properties properties() {
        return properties;
    }

    /** Calibrated probabilities, indexed by {@link Intent#ordinal()}. */
    public double[] probabilities(String text) {
        return probabilities(IntentFeatures.of(text));
    }

    double[] probabilities(String[] features) {
        return soften(byIntent(model.eval(features), outcomeOf), temperature);
    }

    /** The index of the most likely intent ({@link Intent#ordinal()}); the first one on a tie. */
    public static int argmax(double[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            if (p[i] > p[best]) {
                best = i;
            }
        }
        return best;
    }

    /** Applies a temperature to raw model probabilities (used by the trainer to fit it). */
    static double[] soften(double[] rawByIntent, double temperature) {
        double[] out = new double[rawByIntent.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.log(Math.max(rawByIntent[i], 1e-300)) / temperature;
            max = Math.max(max, out[i]);
        }
        double sum = 0;
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.exp(out[i] - max);
            sum += out[i];
        }
        for (int i = 0; i < out.length; i++) {
            out[i] /= sum;
        }
        return out;
    }

    /** Raw (uncalibrated) probabilities of an OpenNLP model, indexed by {@link Intent#ordinal()}. */
    static double[] raw(MaxentModel model, String[] features) {
        return byIntent(model.eval(features), outcomes(model));
    }

    /** Where each intent stands among the model's outcomes (-1 when it never occurred in training). */
    private static int[] outcomes(MaxentModel model) {
        int[] of = new int[INTENTS.length];
        for (Intent i : INTENTS) {
            of[i.ordinal()] = model.getIndex(i.name());
        }
        return of;
    }

    private static double[] byIntent(double[] byOutcome, int[] outcomeOf) {
        double[] out = new double[INTENTS.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = outcomeOf[i] < 0 ? 0 : byOutcome[outcomeOf[i]];
        }
        return out;
    }
}
