package io.otklik.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

/** The PostgreSQL server the services use: the machine's own when it answers, otherwise an embedded one (zonky). */
final class Postgres implements AutoCloseable {

    /** auto: the local server when reachable, else embedded; external: the local server or fail; embedded: always. */
    enum Mode {
        AUTO, EXTERNAL, EMBEDDED;

        static Mode parse(String value) {
            try {
                return valueOf(value.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--pg must be auto, external or embedded, was '" + value + "'");
            }
        }
    }

    private static final Pattern DB_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    private static final String USER = "postgres";

    private final String host;
    private final int port;
    private final EmbeddedPostgres embedded;

    private Postgres(String host, int port, EmbeddedPostgres embedded) {
        this.host = host;
        this.port = port;
        this.embedded = embedded;
    }

    static Postgres ensure(Mode mode, String host, int port, int embeddedPort, Path dataDir) throws IOException {
        if (mode != Mode.EMBEDDED) {
            String problem = probe(host, port);
            if (problem == null) {
                return new Postgres(host, port, null);
            }
            if (mode == Mode.EXTERNAL) {
                throw new IllegalStateException("PostgreSQL at " + host + ":" + port + " does not answer: " + problem);
            }
            InfraMain.say("no PostgreSQL at %s:%d (%s); starting an embedded one", host, port, problem);
        }
        KafkaBroker.requireFree(embeddedPort, "--embedded-pg-port");
        Files.createDirectories(dataDir);
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setPort(embeddedPort)
                .setDataDirectory(dataDir.resolve("data"))
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(dataDir.resolve("work").toFile())
                .start();
        return new Postgres("127.0.0.1", pg.getPort(), pg);
    }

    private static String probe(String host, int port) {
        try (Connection ignored = connect(host, port, "postgres")) {
            return null;
        } catch (SQLException e) {
            return e.getMessage();
        }
    }

    private static Connection connect(String host, int port, String database) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", USER);
        props.setProperty("connectTimeout", "3");
        return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/" + database, props);
    }

    /** Drops the databases (closing their connections); only names starting with "otklik_" are accepted. */
    void dropDatabases(List<String> names) {
        try (Connection c = connect(host, port, "postgres"); Statement drop = c.createStatement()) {
            for (String name : names) {
                if (!DB_NAME.matcher(name).matches() || !name.startsWith("otklik_")) {
                    throw new IllegalArgumentException("refusing to drop '" + name + "': only otklik_* databases");
                }
                drop.execute("drop database if exists " + name + " with (force)");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("dropping databases failed: " + e.getMessage(), e);
        }
    }

    /** Creates the databases that do not exist yet; returns the names it created. */
    List<String> createDatabases(List<String> names) {
        List<String> created = new ArrayList<>();
        try (Connection c = connect(host, port, "postgres")) {
            for (String name : names) {
                if (!DB_NAME.matcher(name).matches()) {
                    throw new IllegalArgumentException("not a database name: '" + name + "'");
                }
                try (PreparedStatement exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
                    exists.setString(1, name);
                    try (ResultSet rs = exists.executeQuery()) {
                        if (rs.next()) {
                            continue;
                        }
                    }
                }
                try (Statement create = c.createStatement()) {
                    create.execute("create database " + name);
                    created.add(name);
                } catch (SQLException e) {
                    if (!"42P04".equals(e.getSQLState())) { // created meanwhile by someone else: fine
                        throw e;
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("creating databases failed: " + e.getMessage(), e);
        }
        return created;
    }

    String kind() {
        return embedded == null ? "server" : "embedded";
    }

    String host() {
        return host;
    }

    int port() {
        return port;
    }

    String user() {
        return USER;
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
            InfraMain.say("embedded postgres stopped");
        }
    }

    @Override
    public String toString() {
        return "postgres " + kind() + " " + host + ":" + port;
    }
}
