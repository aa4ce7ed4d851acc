package io.govflow.store.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.mock.env.MockEnvironment;

import com.zaxxer.hikari.HikariDataSource;

import io.govflow.support.PostgresTestServer;

/**
 * A fresh database of the test server with the migrations applied, and pools on it as the service's role, each
 * standing for one replica (the pools the service builds, with its lock timeout). Closing closes the pools.
 */
final class MigratedDatabase implements AutoCloseable {

    private final PostgresTestServer.Database database;
    private final PostgresConnections.Settings settings;
    private final List<HikariDataSource> pools = new ArrayList<>();

    private MigratedDatabase(PostgresTestServer.Database database) {
        this.database = database;
        this.settings = new PostgresConnections.Settings(database.url(), PostgresTestServer.APP,
                PostgresTestServer.APP_PASSWORD, PostgresTestServer.OWNER, PostgresTestServer.OWNER_PASSWORD);
        PostgresConnections.migrate(settings, Duration.ZERO);
    }

    /** Skips the calling test when the machine has no PostgreSQL binaries (see {@link PostgresTestServer}). */
    static MigratedDatabase create(String purpose) {
        return new MigratedDatabase(PostgresTestServer.get().newDatabase(purpose));
    }

    /** A new pool on the database: what one replica of the service uses. */
    PostgresDatabase replica() {
        HikariDataSource pool = PostgresConnections.pool(settings, new MockEnvironment(), Duration.ofSeconds(10));
        pools.add(pool);
        return new PostgresDatabase(pool);
    }

    /** Runs a statement as the schema owner (a test's way to plant damage the service itself never writes). */
    void asOwner(String sql) throws SQLException {
        try (Connection owner = database.ownerConnection(); Statement statement = owner.createStatement()) {
            statement.execute(sql);
        }
    }

    /** Runs a statement as the service's role, outside the store. */
    void asService(String sql) throws SQLException {
        try (Connection app = java.sql.DriverManager.getConnection(database.url(), PostgresTestServer.APP,
                PostgresTestServer.APP_PASSWORD); Statement statement = app.createStatement()) {
            statement.execute(sql);
        }
    }

    @Override
    public void close() {
        pools.forEach(HikariDataSource::close);
    }
}
