package io.otklik.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points a {@code @QuarkusTest} at the real Kafka broker and its own PostgreSQL database (created when missing).
 * Use as {@code @WithTestResource(value = OtklikInfraResource.class, initArgs = @ResourceArg(name = "database",
 * value = "otklik_ingest_test"))}. The environment variable {@code OTKLIK_TEST_DB_SUFFIX} (lower-case letters, digits,
 * underscores) is appended to the name, so two checkouts can run the same module's tests at once.
 */
public class OtklikInfraResource implements QuarkusTestResourceLifecycleManager {

    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.get("database");
        if (database == null) {
            throw new IllegalArgumentException("OtklikInfraResource needs the init arg 'database'");
        }
        database = databaseName(database);
    }

    /**
     * The test database of this run: {@code base} plus {@code OTKLIK_TEST_DB_SUFFIX} when set, so parallel builds on
     * one PostgreSQL server keep apart. Tests that read the database directly use the same name.
     */
    public static String databaseName(String base) {
        String suffix = System.getenv("OTKLIK_TEST_DB_SUFFIX");
        return suffix == null || suffix.isBlank() ? base : base + suffix.strip();
    }

    @Override
    public Map<String, String> start() {
        InfraEnv infra = InfraEnv.get();
        infra.ensureDatabase(database);
        return Map.of(
                "kafka.bootstrap.servers", infra.kafkaBootstrapServers(),
                "quarkus.datasource.reactive.url", infra.reactiveUrl(database),
                "quarkus.datasource.jdbc.url", infra.jdbcUrl(database),
                "quarkus.datasource.username", infra.pgUser());
    }

    @Override
    public void stop() {
        // the broker and the database outlive one test class; InfraEnv stops what it started when the JVM exits
    }
}
