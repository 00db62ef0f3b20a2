package io.otklik.nlu.model;

import io.otklik.events.data.Intent;
import java.util.List;
import java.util.Locale;

/**
 * How well the embedded model labels a set of messages: per-intent precision, recall and F1, the confusion matrix,
 * accuracy over every message, the fallback rate, and the accuracy on the messages it was confident about.
 */
public final class Evaluation {

    private static final Intent[] INTENTS = Intent.values();

    private final int[][] confusion = new int[INTENTS.length][INTENTS.length];
    private int n;
    private int right;
    private int fallbacks;
    private int confident;
    private int confidentRight;
    /** Per tenth of confidence: messages, sum of confidences, right answers (for the calibration error). */
    private final double[][] bins = new double[10][3];

    /** Adds one message: its label, the predicted probabilities and whether it was flagged fallback. */
    public void add(Intent label, double[] probabilities, boolean fallback) {
        int predicted = IntentModel.argmax(probabilities);
        confusion[label.ordinal()][predicted]++;
        n++;
        boolean ok = predicted == label.ordinal();
        right += ok ? 1 : 0;
        double confidence = probabilities[predicted];
        double[] bin = bins[Math.min(9, (int) (confidence * 10))];
        bin[0]++;
        bin[1] += confidence;
        bin[2] += ok ? 1 : 0;
        if (fallback) {
            fallbacks++;
        } else {
            confident++;
            confidentRight += ok ? 1 : 0;
        }
    }

    /** Runs the model over labelled examples with a fallback policy. */
    public static Evaluation of(IntentModel model, List<LabelledData.Example> examples, FallbackPolicy policy) {
        Evaluation e = new Evaluation();
        for (LabelledData.Example x : examples) {
            double[] p = model.probabilities(x.text());
            e.add(x.intent(), p, policy.isFallback(p));
        }
        return e;
    }

    public int n() {
        return n;
    }

    public double accuracy() {
        return n == 0 ? 0 : (double) right / n;
    }

    public double fallbackRate() {
        return n == 0 ? 0 : (double) fallbacks / n;
    }

    public double confidentAccuracy() {
        return confident == 0 ? 0 : (double) confidentRight / confident;
    }

    /**
     * The expected calibration error: over ten confidence bins, the share-weighted gap between the mean confidence
     * and the share of right answers. 0 is perfectly calibrated.
     */
    public double calibrationError() {
        double ece = 0;
        for (double[] bin : bins) {
            if (bin[0] > 0) {
                ece += bin[0] / n * Math.abs(bin[1] / bin[0] - bin[2] / bin[0]);
            }
        }
        return n == 0 ? 0 : ece;
    }

    public double precision(Intent i) {
        int predicted = 0;
        for (int[] row : confusion) {
            predicted += row[i.ordinal()];
        }
        return predicted == 0 ? 0 : (double) confusion[i.ordinal()][i.ordinal()] / predicted;
    }

    public double recall(Intent i) {
        int actual = support(i);
        return actual == 0 ? 0 : (double) confusion[i.ordinal()][i.ordinal()] / actual;
    }

    public int support(Intent i) {
        int actual = 0;
        for (int c : confusion[i.ordinal()]) {
            actual += c;
        }
        return actual;
    }

    public double f1(Intent i) {
        double p = precision(i);
        double r = recall(i);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** The mean F1 over the intents that occur in the labels. */
    public double macroF1() {
        double sum = 0;
        int k = 0;
        for (Intent i : INTENTS) {
            if (support(i) > 0) {
                sum += f1(i);
                k++;
            }
        }
        return k == 0 ? 0 : sum / k;
    }

    public int confusion(Intent label, Intent predicted) {
        return confusion[label.ordinal()][predicted.ordinal()];
    }

    /** The report {@code ./otklik nlu-eval} prints; its last line is the summary line. */
    public String report() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%-11s %9s %9s %9s %8s%n", "intent", "precision", "recall", "f1",
                "support"));
        for (Intent i : INTENTS) {
            b.append(String.format(Locale.ROOT, "%-11s %9.3f %9.3f %9.3f %8d%n", i.name(), precision(i), recall(i),
                    f1(i), support(i)));
        }
        b.append(String.format("%nconfusion matrix (rows: label, columns: predicted)%n"));
        b.append(String.format("%-11s", ""));
        for (Intent i : INTENTS) {
            b.append(String.format(" %5.5s", i.name()));
        }
        b.append(System.lineSeparator());
        for (Intent row : INTENTS) {
            b.append(String.format("%-11s", row.name()));
            for (Intent col : INTENTS) {
                b.append(String.format(" %5d", confusion(row, col)));
            }
            b.append(System.lineSeparator());
        }
        b.append(String.format(Locale.ROOT, "%ncalibration: expected calibration error %.4f over 10 confidence bins%n",
                calibrationError()));
        b.append(System.lineSeparator()).append(summary());
        return b.toString();
    }

    /** {@code nlu: accuracy=X macro_f1=X fallback_rate=X confident_accuracy=X n=N}. */
    public String summary() {
        return String.format(Locale.ROOT, "nlu: accuracy=%.4f macro_f1=%.4f fallback_rate=%.4f confident_accuracy=%.4f"
                + " n=%d", accuracy(), macroF1(), fallbackRate(), confidentAccuracy(), n);
    }
}
