package io.otklik.e2e;

import io.otklik.testkit.Ports;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole suite as an end-to-end test runs it: a fresh broker and databases of its own ({@code otklik_<run>_*}),
 * the API fakes and the six services on free ports; closed newest first.
 */
record RunningSuite(InfraProcess infra, Fakes fakes, Suite suite, Clients clients) implements AutoCloseable {

    /**
     * @param run     names the databases and the services' run, so two test classes never share state
     * @param workDir under {@code e2e/target}: the infra's files and the services' logs
     */
    static RunningSuite start(String run, String workDir) throws Exception {
        Path root = Project.root();
        Path work = root.resolve("e2e/target").resolve(workDir);
        List<AutoCloseable> started = new ArrayList<>();
        try {
            InfraProcess infra = InfraProcess.start(root, work.resolve("infra"), Ports.free(), Ports.free(),
                    Suite.databases(run), line -> System.out.println("[infra] " + line));
            started.add(infra);
            Fakes fakes = Fakes.start(0);
            started.add(fakes);
            Map<String, String> env = new HashMap<>(infra.env());
            env.putAll(DemoSecrets.env(fakes));
            // reminder-service on the adjustable clock (it runs with the real time until a test moves it)
            Suite suite = Suite.start(root, work.resolve("logs"), run, Ports.freeBlock(6), env,
                    List.of(Suite.Service.values()),
                    Map.of(Suite.Service.REMINDER, Map.of("OTKLIK_CLOCK_ADJUSTABLE", "true")),
                    line -> System.out.println("[suite] " + line));
            return new RunningSuite(infra, fakes, suite, new Clients(suite.url(Suite.Service.INGEST)));
        } catch (Exception | Error e) {
            Shutdown.closeAll(started, "e2e");
            throw e;
        }
    }

    @Override
    public void close() {
        Shutdown.closeAll(new ArrayList<>(List.of(infra, fakes, suite)), "e2e");
    }
}
