package io.otklik.bench.nlu;

import io.otklik.e2e.Project;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Collection;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * ./otklik bench nlu [--quick] [--profile]: runs {@link NluClassifyBenchmark} with JMH (one fork per mode, settings
 * from its annotations), prints JMH's progress and table, optionally {@link NluProfile}'s breakdown, then the
 * summary line of {@link NluFigures} last.
 */
public final class NluBench {

    public static final String USAGE = """
            usage: ./otklik bench nlu [--quick] [--profile]
              JMH benchmark of nlu-service's embedded classify (intent + entities), one thread, over the held-out
              messages; about a minute. Last line:
              'nlu: msgs_per_s=… p50_us=… p99_us=… p999_us=… target_msgs_per_s=20000 target_p99_us=1000 met=yes|no'
              --quick     a smoke run of a few seconds (1 × 1 s warm-up, 1 × 1 s measured per mode): checks that
                          it works, its figures mean little
              --profile   then one more Throughput fork under Java Flight Recorder: the share of CPU samples and
                          µs per message of each stage (features, model, entities, phone matching, urgency)
            """;

    private NluBench() {
    }

    /** Runs the benchmark from the command line's arguments after "nlu"; returns the exit code. */
    public static int main(String[] args) {
        boolean quick = false;
        boolean profile = false;
        for (String a : args) {
            switch (a) {
                case "--quick" -> quick = true;
                case "--profile" -> profile = true;
                default -> {
                    System.err.println("bench: unknown option '" + a + "' for nlu\n" + USAGE);
                    return 2;
                }
            }
        }
        try {
            NluFigures figures = run(quick, System.out, VerboseMode.NORMAL);
            if (profile) {
                NluProfile.print(NluProfile.run(quick, Project.root().resolve(".otklik/bench/nlu-profile"),
                        System.out, VerboseMode.NORMAL), System.out);
            } else if (!figures.met()) {
                System.out.println("bench: a target is missed; --profile shows where the time goes");
            }
            System.out.println(figures.summaryLine());
            return 0;
        } catch (RunnerException | IOException | RuntimeException e) {
            System.err.println("bench: nlu failed: " + e);
            return 1;
        }
    }

    /** Runs JMH, writing its output to {@code out}, and reads the figures from its results. */
    public static NluFigures run(boolean quick, PrintStream out, VerboseMode verbosity) throws RunnerException {
        Collection<RunResult> results = new Runner(options(quick, verbosity).build(),
                OutputFormatFactory.createFormatInstance(out, verbosity)).run();
        return NluFigures.from(results);
    }

    /** The benchmark with its annotations' settings, or the short ones of --quick. */
    static ChainedOptionsBuilder options(boolean quick, VerboseMode verbosity) {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include("^" + NluClassifyBenchmark.class.getName().replace(".", "\\.") + "\\.")
                .shouldFailOnError(true)
                .verbosity(verbosity);
        if (quick) {
            options.warmupIterations(1).warmupTime(TimeValue.seconds(1))
                    .measurementIterations(1).measurementTime(TimeValue.seconds(1));
        }
        return options;
    }
}
