package io.govflow.store.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import io.govflow.store.io.StoreJson;
import io.govflow.support.PostgresTestServer;

/**
 * A fresh database of the test server with the migrations applied, and pools on it as the service's role; each
 * pool stands for one replica. Closing closes every pool.
 */
public final class MigratedDatabase implements AutoCloseable {

    private final PostgresTestServer.Database database;
    private final List<HikariDataSource> pools = new ArrayList<>();

    private MigratedDatabase(PostgresTestServer.Database database) {
        this.database = database;
    }

    /** Skips the calling test when no PostgreSQL can be started here (fails when it is required). */
    public static MigratedDatabase create(String purpose) {
        PostgresTestServer.Database database = PostgresTestServer.get().newDatabase(purpose);
        PostgresConnections.migrate(new PostgresConnections.Settings(database.url(), PostgresTestServer.APP,
                PostgresTestServer.APP_PASSWORD, PostgresTestServer.OWNER, PostgresTestServer.OWNER_PASSWORD),
                Duration.ZERO);
        return new MigratedDatabase(database);
    }

    /** A new pool (a replica) whose row-lock waits end after {@code lockTimeout}. */
    public PostgresDatabase replica(Duration lockTimeout) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.url());
        config.setUsername(PostgresTestServer.APP);
        config.setPassword(PostgresTestServer.APP_PASSWORD);
        config.setMaximumPoolSize(4);
        config.setConnectionInitSql("SET lock_timeout = '" + lockTimeout.toMillis() + "ms'");
        HikariDataSource pool = new HikariDataSource(config);
        pools.add(pool);
        return new PostgresDatabase(pool);
    }

    /** A new pool (a replica) with a 10 s lock timeout. */
    public PostgresDatabase replica() {
        return replica(Duration.ofSeconds(10));
    }

    /** Runs a statement as the schema owner (a test's way to plant damage the service itself never writes). */
    public void asOwner(String sql) throws SQLException {
        try (Connection owner = database.ownerConnection(); Statement statement = owner.createStatement()) {
            statement.execute(sql);
        }
    }

    /** Runs a statement as the service's role, outside the store. */
    public void asService(String sql) throws SQLException {
        try (Connection app = java.sql.DriverManager.getConnection(database.url(), PostgresTestServer.APP,
                PostgresTestServer.APP_PASSWORD); Statement statement = app.createStatement()) {
            statement.execute(sql);
        }
    }

    /** The context store of a new replica (row-lock waits up to 10 s). */
    public PostgresContextStore contextStore() {
        return new PostgresContextStore(replica(Duration.ofSeconds(10)), new StoreJson());
    }

    /** A connection as the schema owner, for a test's own checks and damage. */
    public Connection ownerConnection() throws SQLException {
        return database.ownerConnection();
    }

    @Override
    public void close() {
        pools.forEach(HikariDataSource::close);
    }
}
