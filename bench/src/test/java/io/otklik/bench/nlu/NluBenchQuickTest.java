package io.otklik.bench.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.options.VerboseMode;

/** The whole path of ./otklik bench nlu --quick: JMH's generated harness, the forks, reading the results. */
class NluBenchQuickTest {

    @Test
    void aQuickRunYieldsTheSummaryLine() throws Exception {
        ByteArrayOutputStream jmhOutput = new ByteArrayOutputStream();
        NluFigures f = NluBench.run(true, new PrintStream(jmhOutput, true, StandardCharsets.UTF_8),
                VerboseMode.SILENT);
        // figures are never asserted: a test machine's speed says nothing; only that JMH measured something
        assertThat(f.msgsPerSecond()).isPositive();
        assertThat(f.p50Micros()).isPositive().isLessThanOrEqualTo(f.p99Micros());
        assertThat(f.p99Micros()).isLessThanOrEqualTo(f.p999Micros());
        assertThat(f.summaryLine()).matches("nlu: msgs_per_s=\\d+ p50_us=\\d+\\.\\d p99_us=\\d+\\.\\d"
                + " p999_us=\\d+\\.\\d target_msgs_per_s=20000 target_p99_us=1000 met=(yes|no)");
    }
}
