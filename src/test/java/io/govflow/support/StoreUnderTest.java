package io.govflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.govflow.cli.CommandLineTools;

/**
 * Which store the behavioural suites run on: the file store, or PostgreSQL when the system property
 * {@code govflow.test.store=postgres} is set (the build's {@code postgres-suites} run sets it for the suites the
 * scale-out spec names). On PostgreSQL every application a test starts ({@link RunningApp}) gets a fresh database,
 * and whatever the test put into its data directory before the start (a reference fixture, a prepared directory)
 * is moved into that database with {@code migrate-store}, as an operator would.
 */
public final class StoreUnderTest {

    public static final String PROPERTY = "govflow.test.store";

    private StoreUnderTest() {
    }

    private static final java.util.Map<Path, PostgresTestServer.Database> DATABASES =
            new java.util.concurrent.ConcurrentHashMap<>();
    private static final java.util.Map<String, io.govflow.store.postgres.PostgresDatabase> POOLS =
            new java.util.concurrent.ConcurrentHashMap<>();

    public static boolean postgres() {
        return "postgres".equals(System.getProperty(PROPERTY));
    }

    /** A fresh database for an application on {@code dataDir}, holding what the directory holds now. */
    static PostgresTestServer.Database databaseFor(Path dataDir) {
        PostgresTestServer.Database known = DATABASES.get(dataDir.toAbsolutePath().normalize());
        if (known != null) {
            return known; // a later application on the same directory: the same database, as after a restart
        }
        PostgresTestServer.Database database = PostgresTestServer.get().newDatabase(
                dataDir.getParent() != null ? dataDir.getParent().getFileName().toString() : "app");
        if (hasData(dataDir)) {
            importInto(database, dataDir);
        }
        DATABASES.put(dataDir.toAbsolutePath().normalize(), database);
        return database;
    }

    /** The database an application on {@code dataDir} runs on, if it runs on PostgreSQL. */
    public static java.util.Optional<PostgresTestServer.Database> databaseOf(Path dataDir) {
        return java.util.Optional.ofNullable(DATABASES.get(dataDir.toAbsolutePath().normalize()));
    }

    /** A small pool on the database, as the service's role, for a test's own reads through the store classes. */
    public static io.govflow.store.postgres.PostgresDatabase storeAccess(PostgresTestServer.Database database) {
        return POOLS.computeIfAbsent(database.url(), url -> {
            com.zaxxer.hikari.HikariConfig config = new com.zaxxer.hikari.HikariConfig();
            config.setJdbcUrl(url);
            config.setUsername(PostgresTestServer.APP);
            config.setPassword(PostgresTestServer.APP_PASSWORD);
            config.setMaximumPoolSize(2);
            config.setMinimumIdle(0);
            config.setPoolName("test-reads");
            return new io.govflow.store.postgres.PostgresDatabase(new com.zaxxer.hikari.HikariDataSource(config));
        });
    }

    /** {@code migrate-store --from-data-dir dataDir} into the database; the report must show no error. */
    public static void importInto(PostgresTestServer.Database database, Path dataDir) {
        List<String> args = new ArrayList<>(List.of("migrate-store", "--from-data-dir", dataDir.toString()));
        args.addAll(database.appArgs().stream().filter(arg -> !arg.startsWith("--govflow.store.kind=")).toList());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = CommandLineTools.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).as("migrate-store of %s: %s %s", dataDir, out.toString(StandardCharsets.UTF_8),
                err.toString(StandardCharsets.UTF_8)).isZero();
    }

    private static boolean hasData(Path dataDir) {
        if (!Files.isDirectory(dataDir)) {
            return false;
        }
        try (Stream<Path> files = Files.list(dataDir)) {
            return files.findAny().isPresent();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
