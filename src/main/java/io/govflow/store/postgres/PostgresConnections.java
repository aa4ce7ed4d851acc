package io.govflow.store.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import io.govflow.config.GovflowProperties;

/**
 * The connections of the PostgreSQL store, from Spring Boot's {@code spring.datasource.*} (URL, the service's
 * user, its password or {@code govflow.postgres.password-file}; pool settings under
 * {@code spring.datasource.hikari.*}). Migrations run first, as the schema owner. Every pooled connection waits
 * at most {@code govflow.lock.timeout} for a row lock, so a busy row answers {@code LOCK_TIMEOUT} as a busy lock
 * file does. Passwords are read here and never logged; the URL is logged without its query (which could carry one).
 */
final class PostgresConnections {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresConnections.class);
    static final String MIGRATIONS = "classpath:db/migration/postgresql";
    static final long DEFAULT_CONNECTION_TIMEOUT_MS = 2000;

    private PostgresConnections() {
    }

    record Settings(String url, String username, String password, String ownerUsername, String ownerPassword) {

        @Override
        public String toString() {
            return "Settings[url=" + safeUrl(url) + ", username=" + username + ", owner=" + ownerUsername + "]";
        }
    }

    static Settings settings(Environment environment, GovflowProperties.Postgres postgres) {
        String url = environment.getProperty("spring.datasource.url");
        String username = environment.getProperty("spring.datasource.username");
        if (url == null || url.isBlank() || username == null || username.isBlank()) {
            throw new IllegalStateException("govflow.store.kind=postgres needs spring.datasource.url and "
                    + "spring.datasource.username (SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME)");
        }
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new IllegalStateException("spring.datasource.url must be a jdbc:postgresql: URL");
        }
        String password = secret(postgres.passwordFile(), environment.getProperty("spring.datasource.password"),
                "govflow.postgres.password-file");
        String owner = postgres.ownerUsername() != null && !postgres.ownerUsername().isBlank()
                ? postgres.ownerUsername() : username;
        String ownerPassword = owner.equals(username) && postgres.ownerPassword() == null
                && postgres.ownerPasswordFile() == null ? password
                        : secret(postgres.ownerPasswordFile(), postgres.ownerPassword(),
                                "govflow.postgres.owner-password-file");
        return new Settings(url, username, password, owner, ownerPassword);
    }

    static HikariDataSource pool(Settings settings, Environment environment, Duration lockTimeout) {
        HikariConfig config = new HikariConfig();
        Binder.get(environment).bind("spring.datasource.hikari", Bindable.ofInstance(config));
        config.setJdbcUrl(settings.url());
        config.setUsername(settings.username());
        config.setPassword(settings.password());
        if (config.getPoolName() == null) {
            config.setPoolName("govflow-postgres");
        }
        config.setConnectionInitSql("SET lock_timeout = '" + Math.max(1, lockTimeout.toMillis()) + "ms'");
        // start even while the database is down: readiness reports it, requests answer DATABASE_UNAVAILABLE
        config.setInitializationFailTimeout(-1);
        // while the database is away, a request waits this long for a connection before DATABASE_UNAVAILABLE
        if (!environment.containsProperty("spring.datasource.hikari.connection-timeout")) {
            config.setConnectionTimeout(DEFAULT_CONNECTION_TIMEOUT_MS);
        }
        config.setConnectionTimeout(Math.max(config.getConnectionTimeout(), 250));
        return new HikariDataSource(config);
    }

    /**
     * Applies the migrations as the schema owner, waiting up to {@code wait} for the database to accept
     * connections (a database starting beside the service).
     */
    static void migrate(Settings settings, Duration wait) {
        Flyway flyway = Flyway.configure().dataSource(settings.url(), settings.ownerUsername(),
                settings.ownerPassword()).locations(MIGRATIONS)
                .placeholders(Map.of("app_role", settings.username())).connectRetries((int) Math.max(0,
                        wait.toSeconds())).connectRetriesInterval(1).load();
        var result = flyway.migrate();
        LOG.info("PostgreSQL store at {}: schema version {} ({} migrations applied now)", safeUrl(settings.url()),
                result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion,
                result.migrationsExecuted);
    }

    private static String secret(@Nullable Path file, @Nullable String value, String fileProperty) {
        if (file != null) {
            try {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + fileProperty, new IOException(e.getClass()
                        .getSimpleName()));
            }
        }
        return value != null ? value : "";
    }

    static String safeUrl(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query) + "?…";
    }
}
