package io.otklik.e2e.rebuild;

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

/**
 * The PostgreSQL server metrics-service stores its facts in: creates the fresh database of a rebuild, lists the
 * tenants a store holds facts of, and drops a database (tests only).
 *
 * @param password empty or null: none (trust authentication)
 */
public record MetricsStore(String host, int port, String user, String password) {

    private static final Pattern DB_NAME = Pattern.compile("otklik_[a-z0-9_]{1,55}");

    /** Creates the database; refuses an existing one, since a rebuild must start from an empty store. */
    public void createFresh(String database) {
        requireName(database);
        try (Connection c = connect("postgres")) {
            try (PreparedStatement exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
                exists.setString(1, database);
                try (ResultSet rs = exists.executeQuery()) {
                    if (rs.next()) {
                        throw new IllegalStateException("database " + database + " already exists on " + this
                                + ": a rebuild needs a fresh one (choose another --database)");
                    }
                }
            }
            try (Statement create = c.createStatement()) {
                create.execute("create database " + database);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + database + " on " + this + ": "
                    + e.getMessage(), e);
        }
    }

    /** Drops the database if it exists (closing its connections). */
    public void drop(String database) {
        requireName(database);
        try (Connection c = connect("postgres"); Statement drop = c.createStatement()) {
            drop.execute("drop database if exists " + database + " with (force)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop database " + database + " on " + this + ": "
                    + e.getMessage(), e);
        }
    }

    /** The tenants the store holds facts of, sorted. */
    public List<String> tenants(String database) {
        requireName(database);
        List<String> tenants = new ArrayList<>();
        try (Connection c = connect(database); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select distinct tenant_id from event_fact order by tenant_id")) {
            while (rs.next()) {
                tenants.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the tenants of " + database + " on " + this + ": "
                    + e.getMessage(), e);
        }
        return tenants;
    }

    /** Fails with a clear message when the server does not answer. */
    public void check() {
        try (Connection ignored = connect("postgres")) {
            // reachable
        } catch (SQLException e) {
            throw new IllegalStateException("no PostgreSQL answers at " + this + " as user " + user + " ("
                    + e.getMessage() + "): is ./otklik up running, or is --pg right?", e);
        }
    }

    private Connection connect(String database) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        if (password != null && !password.isEmpty()) {
            props.setProperty("password", password);
        }
        props.setProperty("connectTimeout", "5");
        return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/" + database, props);
    }

    private static void requireName(String database) {
        if (!DB_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("'" + database + "' is not an Otklik database name (otklik_ followed"
                    + " by lower-case letters, digits and underscores)");
        }
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
