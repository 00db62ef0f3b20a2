package io.otklik.nlu.model;

import java.nio.file.Files;
import java.nio.file.Path;
import io.otklik.events.data.Intent;
import java.util.List;

/**
 * {@code ./otklik nlu-eval FILE.tsv [--threshold X] [--margin X] [--errors]}: runs the embedded model offline over a
 * labelled file and prints per-intent precision/recall/F1, the confusion matrix ({@code --errors}: first every
 * misclassified message with its line, label, prediction and confidence) and, as the last line,
 * {@code nlu: accuracy=X macro_f1=X fallback_rate=X confident_accuracy=X n=N}. Exit 2 on a bad file or option.
 */
public final class EvalMain {

    private EvalMain() {
    }

    public static void main(String[] args) {
        try {
            System.exit(run(args));
        } catch (IllegalArgumentException e) {
            System.err.println("nlu-eval: " + e.getMessage());
            System.exit(2);
        }
    }

    static int run(String[] args) {
        if (args.length == 0) {
            throw new IllegalArgumentException("usage: ./otklik nlu-eval FILE.tsv [--threshold 0.5] [--margin 0.1] [--errors]"
                    + " (UTF-8, header 'text<TAB>intent')");
        }
        Path file = Path.of(args[0]);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no such file: " + file);
        }
        double threshold = FallbackPolicy.DEFAULT.threshold();
        double margin = FallbackPolicy.DEFAULT.minMargin();
        boolean errors = false;
        for (int i = 1; i < args.length; i++) {
            String opt = args[i];
            if (opt.equals("--errors")) {
                errors = true;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(opt + " needs a value");
            }
            String value = args[++i];
            double v;
            try {
                v = Double.parseDouble(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(opt + " must be a number between 0 and 1, not '" + value + "'");
            }
            switch (opt) {
                case "--threshold" -> threshold = v;
                case "--margin" -> margin = v;
                default -> throw new IllegalArgumentException("unknown option " + opt);
            }
        }
        List<LabelledData.Example> examples = LabelledData.read(file);
        IntentModel model = IntentModel.load();
        FallbackPolicy policy = new FallbackPolicy(threshold, margin);
        System.out.printf("nlu-eval: %s, %d messages, model %s, fallback below %.2f or margin under %.2f%n%n", file,
                examples.size(), model.version(), threshold, margin);
        if (errors) {
            printErrors(model, examples);
        }
        System.out.println(Evaluation.of(model, examples, policy).report());
        return 0;
    }

    /** One line per misclassified message: {@code line<TAB>label<TAB>predicted<TAB>confidence<TAB>text}. */
    static void printErrors(IntentModel model, List<LabelledData.Example> examples) {
        System.out.println("misclassified (line, label, predicted, confidence, text):");
        int n = 0;
        for (LabelledData.Example e : examples) {
            double[] p = model.probabilities(e.text());
            int best = IntentModel.argmax(p);
            if (best != e.intent().ordinal()) {
                n++;
                System.out.printf("%d\t%s\t%s\t%.2f\t%s%n", e.line(), e.intent(), Intent.values()[best], p[best],
                        e.text());
            }
        }
        System.out.printf("%d misclassified%n%n", n);
    }
}
