package io.otklik.nlu.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otklik.events.data.Intent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The evaluation's arithmetic on cases worked out by hand, and the labelled-file reader's errors. */
class EvaluationTest {

    static double[] sure(Intent i, double p) {
        double[] out = new double[Intent.values().length];
        java.util.Arrays.fill(out, (1 - p) / (out.length - 1));
        out[i.ordinal()] = p;
        return out;
    }

    @Test
    void metricsAreComputedAsDefined() {
        Evaluation e = new Evaluation();
        // 4 BOOK: 3 right (one of them a fallback), 1 predicted PRICE; 2 PRICE: both right; 1 OTHER predicted BOOK
        e.add(Intent.BOOK, sure(Intent.BOOK, 0.9), false);
        e.add(Intent.BOOK, sure(Intent.BOOK, 0.9), false);
        e.add(Intent.BOOK, sure(Intent.BOOK, 0.4), true);
        e.add(Intent.BOOK, sure(Intent.PRICE, 0.8), false);
        e.add(Intent.PRICE, sure(Intent.PRICE, 0.9), false);
        e.add(Intent.PRICE, sure(Intent.PRICE, 0.9), false);
        e.add(Intent.OTHER, sure(Intent.BOOK, 0.6), false);

        assertThat(e.n()).isEqualTo(7);
        assertThat(e.accuracy()).isEqualTo(5.0 / 7);
        assertThat(e.fallbackRate()).isEqualTo(1.0 / 7);
        assertThat(e.confidentAccuracy()).as("4 right of 6 not flagged").isEqualTo(4.0 / 6);
        // BOOK: predicted 4 times (3 right) → P 3/4, R 3/4; PRICE: predicted 3 (2 right) → P 2/3, R 1; OTHER: 0
        assertThat(e.precision(Intent.BOOK)).isEqualTo(0.75);
        assertThat(e.recall(Intent.BOOK)).isEqualTo(0.75);
        assertThat(e.precision(Intent.PRICE)).isEqualTo(2.0 / 3);
        assertThat(e.recall(Intent.PRICE)).isEqualTo(1.0);
        assertThat(e.f1(Intent.PRICE)).isEqualTo(0.8);
        assertThat(e.f1(Intent.OTHER)).isZero();
        assertThat(e.macroF1()).as("mean over the three intents that occur").isEqualTo((0.75 + 0.8 + 0) / 3);
        assertThat(e.confusion(Intent.OTHER, Intent.BOOK)).isEqualTo(1);
        assertThat(e.confusion(Intent.BOOK, Intent.PRICE)).isEqualTo(1);
        // bins: 0.9 ×4 all right (gap 0.1), 0.4 ×1 right (gap 0.6), 0.8 ×1 wrong (gap 0.8), 0.6 ×1 wrong (gap 0.6)
        assertThat(e.calibrationError()).isCloseTo((4 * 0.1 + 0.6 + 0.8 + 0.6) / 7, org.assertj.core.data.Offset
                .offset(1e-9));
    }

    @Test
    void theReportEndsWithTheSummaryLine() {
        Evaluation e = new Evaluation();
        e.add(Intent.CANCEL, sure(Intent.CANCEL, 0.9), false);
        e.add(Intent.HUMAN, sure(Intent.CANCEL, 0.5), true);
        String[] lines = e.report().split("\\R");
        assertThat(lines[lines.length - 1]).isEqualTo(
                "nlu: accuracy=0.5000 macro_f1=0.3333 fallback_rate=0.5000 confident_accuracy=1.0000 n=2");
        assertThat(e.report()).contains("CANCEL").contains("confusion matrix");
    }

    @Test
    void aFallbackIsALowTopOrACloseRunnerUp() {
        FallbackPolicy p = new FallbackPolicy(0.5, 0.1);
        assertThat(p.isFallback(sure(Intent.BOOK, 0.49))).isTrue();
        assertThat(p.isFallback(sure(Intent.BOOK, 0.9))).isFalse();
        double[] close = new double[Intent.values().length];
        close[0] = 0.52;
        close[1] = 0.45;
        assertThat(p.isFallback(close)).as("0.52 vs 0.45 is closer than 0.1").isTrue();
        assertThatThrownBy(() -> new FallbackPolicy(1.5, 0.1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void badFilesAreRefusedWithTheLine(@TempDir Path dir) throws IOException {
        Path noHeader = dir.resolve("a.tsv");
        Files.writeString(noHeader, "хочу записаться\tBOOK\n");
        assertThatThrownBy(() -> LabelledData.read(noHeader)).hasMessageContaining(":1:")
                .hasMessageContaining("header");
        Path badIntent = dir.resolve("b.tsv");
        Files.writeString(badIntent, "text\tintent\nхочу записаться\tBOOK\nсколько\tCOST\n");
        assertThatThrownBy(() -> LabelledData.read(badIntent)).hasMessageContaining(":3:")
                .hasMessageContaining("COST");
        Path latin1 = dir.resolve("c.tsv");
        Files.write(latin1, "text\tintent\ncaf\u00e9\tOTHER\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> LabelledData.read(latin1)).hasMessageContaining("not UTF-8");
        Path extra = dir.resolve("d.tsv");
        Files.writeString(extra, "\uFEFFtext\tintent\tsegment\nХочу на маникюр\tBOOK\tsalon\n");
        assertThat(LabelledData.read(extra)).singleElement().satisfies(x -> {
            assertThat(x.intent()).isEqualTo(Intent.BOOK);
            assertThat(x.segment()).isEqualTo("salon");
            assertThat(x.line()).isEqualTo(2);
        });
    }

    @Test
    void nluEvalRefusesAMissingFileAndABadOption(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> EvalMain.run(new String[] {dir.resolve("none.tsv").toString()}))
                .hasMessageContaining("no such file");
        Path f = dir.resolve("e.tsv");
        Files.writeString(f, "text\tintent\nда\tCONFIRM\n");
        assertThatThrownBy(() -> EvalMain.run(new String[] {f.toString(), "--threshold", "high"}))
                .hasMessageContaining("--threshold must be a number");
        assertThatThrownBy(() -> EvalMain.run(new String[] {f.toString(), "--speed", "1"}))
                .hasMessageContaining("unknown option");

        PrintStream out = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertThat(EvalMain.run(new String[] {f.toString()})).isZero();
        } finally {
            System.setOut(out);
        }
        String[] lines = captured.toString(StandardCharsets.UTF_8).strip().split("\\R");
        assertThat(lines[lines.length - 1]).matches("nlu: accuracy=1\\.0000 macro_f1=1\\.0000 fallback_rate=0\\.\\d{4}"
                + " confident_accuracy=\\d\\.\\d{4} n=1");
    }

    @Test
    void nluEvalListsTheMisclassifiedMessagesOnRequest(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("e.tsv");
        // line 2 is right, line 3 carries a deliberately wrong label
        Files.writeString(f, "text\tintent\nда, приду\tCONFIRM\nхочу отменить запись\tPRICE\n");
        PrintStream out = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertThat(EvalMain.run(new String[] {f.toString(), "--errors"})).isZero();
        } finally {
            System.setOut(out);
        }
        String text = captured.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("3\tPRICE\tCANCEL\t").contains("\tхочу отменить запись\n")
                .contains("1 misclassified").doesNotContain("\tCONFIRM\t");
        String[] lines = text.strip().split("\\R");
        assertThat(lines[lines.length - 1]).startsWith("nlu: accuracy=0.5000 ");
    }
}
