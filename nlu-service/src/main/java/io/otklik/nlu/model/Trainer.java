package io.otklik.nlu.model;

import io.otklik.events.data.Intent;
import io.otklik.nlu.text.RussianText;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPOutputStream;
import opennlp.tools.ml.AbstractEventTrainer;
import opennlp.tools.ml.EventTrainer;
import opennlp.tools.ml.TrainerFactory;
import opennlp.tools.ml.maxent.io.BinaryQNModelWriter;
import opennlp.tools.ml.maxent.quasinewton.QNTrainer;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Event;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;

/**
 * Trains the embedded intent model; the build runs it ({@code process-classes}), so every build of nlu-service
 * carries a model trained on exactly the data in {@code data/train.tsv} (it skips training when the data and the
 * compiled model code are those the existing model was trained from). Deterministic: the same data, features and
 * parameters give the same model, byte for byte, and the same version.
 *
 * <p>Steps: read the labelled training file; refuse it when a held-out message appears in it; 5-fold
 * cross-validation to fit the temperature that calibrates the probabilities (and to report an honest accuracy
 * estimate without touching the held-out split); train on all of it; write the model and its description.
 *
 * <p>Usage: {@code Trainer --train data/train.tsv --heldout data/heldout.tsv --out target/classes/nlu}
 */
public final class Trainer {

    /** L2 regularisation, iterations and feature cut-off: chosen by cross-validation on the training split. */
    static final double L2 = 0.6;
    static final int ITERATIONS = 250;
    static final int CUTOFF = 1;
    static final int FOLDS = 5;

    private Trainer() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opts.put(args[i], args[i + 1]);
        }
        Path train = Path.of(opts.getOrDefault("--train", "data/train.tsv"));
        Path out = Path.of(opts.getOrDefault("--out", "target/classes/nlu"));
        long t0 = System.nanoTime();
        String inputs = inputsFingerprint(train, opts.get("--heldout"), out);
        if (upToDate(out, inputs)) {
            System.out.printf("nlu trainer: the model in %s is up to date (same data and model code); not retrained%n",
                    out);
            return;
        }
        List<LabelledData.Example> examples = LabelledData.read(train);
        if (opts.containsKey("--heldout")) {
            refuseOverlap(examples, LabelledData.read(Path.of(opts.get("--heldout"))), train);
        }
        System.out.printf("nlu trainer: %d labelled messages from %s; %d-fold cross-validation for calibration%n",
                examples.size(), train, FOLDS);
        Trained t = train(examples, Files.readAllBytes(train));
        Files.createDirectories(out);
        write(t, out, inputs);
        System.out.printf(Locale.ROOT, "nlu trainer: model %s, cross-validated accuracy %.3f, temperature %.2f,"
                        + " written to %s in %.1f s%n", t.version(), t.cvAccuracy(), t.temperature(), out,
                (System.nanoTime() - t0) / 1e9);
    }

    /** A trained model with its calibration and what cross-validation said about it. */
    record Trained(MaxentModel model, double temperature, double cvAccuracy, String version, int examples,
                   Map<Intent, Integer> counts) {
    }

    static Trained train(List<LabelledData.Example> examples, byte[] dataFingerprint) throws IOException {
        List<String[]> features = new ArrayList<>(examples.size());
        for (LabelledData.Example e : examples) {
            features.add(IntentFeatures.of(e.text()));
        }
        // the five cross-validation fits and the final fit are independent: run them side by side on the cores
        // there are (each fit is single-threaded and deterministic, so the result does not depend on the order)
        List<Callable<MaxentModel>> fits = new ArrayList<>();
        for (int fold = 0; fold < FOLDS; fold++) {
            int f = fold;
            fits.add(() -> {
                List<Event> events = new ArrayList<>();
                for (int i = 0; i < examples.size(); i++) {
                    if (foldOf(examples.get(i)) != f) {
                        events.add(new Event(examples.get(i).intent().name(), features.get(i)));
                    }
                }
                return fit(events);
            });
        }
        fits.add(() -> {
            List<Event> all = new ArrayList<>();
            for (int i = 0; i < examples.size(); i++) {
                all.add(new Event(examples.get(i).intent().name(), features.get(i)));
            }
            return fit(all);
        });
        List<MaxentModel> models = runAll(fits);
        // cross-validated raw probabilities of every training message, by a fold that depends on the text only
        double[][] cv = new double[examples.size()][];
        for (int i = 0; i < examples.size(); i++) {
            cv[i] = IntentModel.raw(models.get(foldOf(examples.get(i))), features.get(i));
        }
        int[] labels = examples.stream().mapToInt(e -> e.intent().ordinal()).toArray();
        double temperature = fitTemperature(cv, labels);
        int right = 0;
        for (int i = 0; i < cv.length; i++) {
            right += IntentModel.argmax(cv[i]) == labels[i] ? 1 : 0;
        }
        Map<Intent, Integer> counts = new EnumMap<>(Intent.class);
        examples.forEach(e -> counts.merge(e.intent(), 1, Integer::sum));
        return new Trained(models.get(FOLDS), temperature, (double) right / examples.size(),
                version(dataFingerprint), examples.size(), counts);
    }

    private static List<MaxentModel> runAll(List<Callable<MaxentModel>> fits) throws IOException {
        int threads = Math.max(1, Math.min(fits.size(), Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<MaxentModel> out = new ArrayList<>();
            for (Future<MaxentModel> f : pool.invokeAll(fits)) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("training interrupted", e);
        } catch (ExecutionException e) {
            throw new IOException("training failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    static MaxentModel fit(List<Event> events) throws IOException {
        TrainingParameters p = new TrainingParameters();
        p.put(TrainingParameters.ALGORITHM_PARAM, QNTrainer.MAXENT_QN_VALUE);
        p.put(TrainingParameters.ITERATIONS_PARAM, ITERATIONS);
        p.put(TrainingParameters.CUTOFF_PARAM, CUTOFF);
        p.put(QNTrainer.THREADS_PARAM, 1);
        p.put(QNTrainer.L1COST_PARAM, 0.0);
        p.put(QNTrainer.L2COST_PARAM, L2);
        p.put(AbstractEventTrainer.DATA_INDEXER_PARAM, AbstractEventTrainer.DATA_INDEXER_ONE_PASS_VALUE);
        p.put("PrintMessages", false);
        EventTrainer trainer = TrainerFactory.getEventTrainer(p, new HashMap<>());
        return trainer.train(ObjectStreamUtils.createObjectStream(events));
    }

    /** The temperature that minimises the negative log-likelihood of the cross-validated predictions. */
    static double fitTemperature(double[][] raw, int[] labels) {
        double best = 1;
        double bestLoss = Double.MAX_VALUE;
        for (int step = 0; step <= 380; step++) {
            double t = 0.2 + step * 0.01;
            double loss = 0;
            for (int i = 0; i < raw.length; i++) {
                loss -= Math.log(Math.max(IntentModel.soften(raw[i], t)[labels[i]], 1e-12));
            }
            if (loss < bestLoss) {
                bestLoss = loss;
                best = t;
            }
        }
        return best;
    }

    static int foldOf(LabelledData.Example e) {
        return Math.floorMod(key(e.text()).hashCode(), FOLDS);
    }

    /** A message compared with others: lower case, letters and digits only. */
    static String key(String text) {
        StringBuilder b = new StringBuilder();
        for (char c : RussianText.normalize(text).toCharArray()) {
            if (Character.isLetterOrDigit(c)) {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static void refuseOverlap(List<LabelledData.Example> train, List<LabelledData.Example> heldout,
                                      Path trainFile) {
        Set<String> seen = new HashSet<>();
        train.forEach(e -> seen.add(key(e.text())));
        for (LabelledData.Example h : heldout) {
            if (!key(h.text()).isEmpty() && seen.contains(key(h.text()))) {
                throw new IllegalArgumentException("held-out line " + h.line() + " («" + h.text() + "») is also in "
                        + trainFile + ": the held-out split must never be trained on");
            }
        }
    }

    static String version(byte[] data) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(data);
            sha.update(("|" + IntentFeatures.VERSION + "|L2=" + L2 + "|it=" + ITERATIONS + "|cut=" + CUTOFF)
                    .getBytes(StandardCharsets.UTF_8));
            return "embedded-maxent-" + HexFormat.of().formatHex(sha.digest()).substring(0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * What the model depends on: both data files and the compiled model and text code next to {@code out}
     * (target/classes). Only decides whether to retrain, never part of the model's version.
     */
    static String inputsFingerprint(Path train, String heldout, Path out) throws IOException {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(Files.readAllBytes(train));
            if (heldout != null) {
                sha.update(Files.readAllBytes(Path.of(heldout)));
            }
            Path classes = out.toAbsolutePath().getParent();
            for (String pkg : List.of("io/otklik/nlu/model", "io/otklik/nlu/text")) {
                Path dir = classes.resolve(pkg);
                if (!Files.isDirectory(dir)) {
                    return "no-classes-" + System.nanoTime();
                }
                try (var files = Files.list(dir)) {
                    for (Path f : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                        sha.update(f.getFileName().toString().getBytes(StandardCharsets.UTF_8));
                        sha.update(Files.readAllBytes(f));
                    }
                }
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean upToDate(Path out, String inputs) throws IOException {
        Path props = out.resolve("intent-model.properties");
        if (!Files.isRegularFile(props) || !Files.isRegularFile(out.resolve("intent-model.bin.gz"))) {
            return false;
        }
        return Files.readAllLines(props, StandardCharsets.UTF_8).contains("inputs=" + inputs);
    }

    private static void write(Trained t, Path dir, String inputs) throws IOException {
        try (OutputStream file = Files.newOutputStream(dir.resolve("intent-model.bin.gz"));
             DataOutputStream data = new DataOutputStream(new BufferedOutputStream(new GZIPOutputStream(file)))) {
            new BinaryQNModelWriter((AbstractModel) t.model(), data).persist();
        }
        StringBuilder p = new StringBuilder();
        p.append("# written by io.otklik.nlu.model.Trainer at build time; do not edit\n");
        p.append("version=").append(t.version()).append('\n');
        p.append("temperature=").append(String.format(Locale.ROOT, "%.2f", t.temperature())).append('\n');
        p.append("cvAccuracy=").append(String.format(Locale.ROOT, "%.4f", t.cvAccuracy())).append('\n');
        p.append("examples=").append(t.examples()).append('\n');
        p.append("features=").append(IntentFeatures.VERSION).append('\n');
        p.append("params=MAXENT_QN L2=").append(L2).append(" iterations=").append(ITERATIONS).append(" cutoff=")
                .append(CUTOFF).append('\n');
        t.counts().forEach((k, v) -> p.append("count.").append(k.name()).append('=').append(v).append('\n'));
        p.append("inputs=").append(inputs).append('\n');
        Files.writeString(dir.resolve("intent-model.properties"), p.toString(), StandardCharsets.UTF_8);
    }
}
