package io.govflow.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;

/**
 * A real PostgreSQL server for the tests, from the machine's PostgreSQL binaries ({@code initdb}, {@code pg_ctl}):
 * one per test JVM, on a random loopback port, in a temp directory, stopped and deleted when the JVM exits.
 * PostgreSQL refuses to run as root, so under root (CI) the server runs as the unprivileged {@code postgres} user
 * (or {@code nobody}) through {@code runuser}.
 *
 * <p>Each test gets a fresh database of its own ({@link #newDatabase}) with two roles, as in production: the schema
 * owner that applies the migrations and the service's least-privilege role. Without binaries the tests that need
 * it are skipped with a message, unless {@code GOVFLOW_REQUIRE_POSTGRES=true} (CI), which turns that into a failure.
 */
public final class PostgresTestServer {

    public static final String REQUIRE = "GOVFLOW_REQUIRE_POSTGRES";
    public static final String OWNER = "govflow_owner";
    public static final String APP = "govflow_app";
    /** Test-only passwords of a throwaway server on loopback. */
    public static final String OWNER_PASSWORD = "owner-test-password";
    public static final String APP_PASSWORD = "app-test-password";
    private static final String SUPERUSER = "govflow_super";
    private static final String SUPERUSER_PASSWORD = "super-test-password";

    private static @Nullable PostgresTestServer instance;
    private static @Nullable String unavailable;
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final Path bin;
    private final Path root;
    private final Path dataDir;
    private final @Nullable String runAs;
    private final int port;

    /** A fresh database: its JDBC URL and the two roles' credentials. */
    public record Database(String name, String url, int port) {

        /** Arguments of the application on this database (the service role; the owner applies migrations). */
        public List<String> appArgs() {
            return List.of("--govflow.store.kind=postgres", "--spring.datasource.url=" + url,
                    "--spring.datasource.username=" + APP, "--spring.datasource.password=" + APP_PASSWORD,
                    "--govflow.postgres.owner-username=" + OWNER, "--govflow.postgres.owner-password=" + OWNER_PASSWORD);
        }

        /** A connection as the schema owner, for a test's own checks. */
        public Connection ownerConnection() throws SQLException {
            return DriverManager.getConnection(url, OWNER, OWNER_PASSWORD);
        }
    }

    private PostgresTestServer(Path bin, Path root, @Nullable String runAs) {
        this.bin = bin;
        this.root = root;
        this.dataDir = root.resolve("pgdata");
        this.runAs = runAs;
        this.port = freePort();
    }

    /** The JVM's server, started on first use; skips (or fails, when required) the calling test without one. */
    public static synchronized PostgresTestServer get() {
        if (instance == null && unavailable == null) {
            try {
                instance = startNew();
            } catch (RuntimeException | IOException e) {
                unavailable = "PostgreSQL could not be started: " + e.getMessage();
            }
        }
        if (instance == null) {
            String reason = unavailable != null ? unavailable : "PostgreSQL is not available";
            if ("true".equalsIgnoreCase(System.getenv(REQUIRE))) {
                throw new IllegalStateException(reason + " (" + REQUIRE + "=true)");
            }
            Assumptions.abort(reason + "; install PostgreSQL 15+ server binaries to run this test");
        }
        return instance;
    }

    /** True when a server can be (or was) started here; never skips. */
    public static synchronized boolean available() {
        try {
            get();
            return true;
        } catch (org.opentest4j.TestAbortedException e) {
            return false;
        }
    }

    public int port() {
        return port;
    }

    /** A new, empty database owned by the schema owner (named after {@code purpose}). */
    public Database newDatabase(String purpose) {
        String name = "t" + DATABASES.incrementAndGet() + "_"
                + purpose.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        name = name.substring(0, Math.min(name.length(), 60));
        execute("CREATE DATABASE " + name + " OWNER " + OWNER);
        execute("REVOKE ALL ON DATABASE " + name + " FROM PUBLIC");
        execute("GRANT CONNECT ON DATABASE " + name + " TO " + APP);
        return new Database(name, "jdbc:postgresql://127.0.0.1:" + port + "/" + name, port);
    }

    /** Stops the server (fast shutdown: connections are cut), as a database restart does. */
    public void stop() {
        pgCtl("stop", "-m", "fast", "-w");
    }

    /** Starts it again on the same port and data. */
    public void start() {
        pgCtl("start", "-w", "-t", "60", "-l", root.resolve("server.log").toString(), "-o",
                "-p " + port + " -k " + root + " -c listen_addresses=127.0.0.1");
    }

    private static PostgresTestServer startNew() throws IOException {
        Path bin = findBinaries().orElseThrow(() -> new IllegalStateException("no initdb/pg_ctl found"));
        String runAs = isRoot() ? unprivilegedUser() : null;
        Path root = Files.createTempDirectory("govflow-pg-");
        PostgresTestServer server = new PostgresTestServer(bin, root, runAs);
        server.initialise();
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::destroy, "postgres-test-server-stop"));
        server.createRoles();
        return server;
    }

    private void initialise() throws IOException {
        Path pwFile = root.resolve("superuser-password");
        Files.writeString(pwFile, SUPERUSER_PASSWORD, StandardCharsets.UTF_8);
        if (runAs != null) {
            chownTree(root, runAs);
        }
        run(List.of(bin.resolve("initdb").toString(), "-D", dataDir.toString(), "-U", SUPERUSER, "--pwfile",
                pwFile.toString(), "--auth=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"));
        Files.writeString(dataDir.resolve("postgresql.conf"),
                "\nmax_connections = 300\nshared_buffers = 128MB\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
    }

    private void createRoles() {
        // the database passwords join the secret-leak checks: never in a response, a data file or the log
        SecretLedger.configured(OWNER_PASSWORD);
        SecretLedger.configured(APP_PASSWORD);
        execute("CREATE ROLE " + OWNER + " LOGIN PASSWORD '" + OWNER_PASSWORD + "'");
        execute("CREATE ROLE " + APP + " LOGIN PASSWORD '" + APP_PASSWORD + "'");
    }

    private void execute(String sql) {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres",
                SUPERUSER, SUPERUSER_PASSWORD); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("test server: " + sql + ": " + e.getMessage(), e);
        }
    }

    private void destroy() {
        try {
            pgCtl("stop", "-m", "immediate", "-w");
        } catch (RuntimeException e) {
            // already stopped
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temp directory left behind
        }
    }

    private void pgCtl(String... args) {
        List<String> command = new ArrayList<>(List.of(bin.resolve("pg_ctl").toString(), "-D", dataDir.toString()));
        command.addAll(List.of(args));
        run(command);
    }

    private void run(List<String> command) {
        List<String> full = new ArrayList<>();
        if (runAs != null) {
            full.addAll(List.of("runuser", "-u", runAs, "--"));
        }
        full.addAll(command);
        try {
            Path output = Files.createTempFile(root, "cmd-", ".log");
            if (runAs != null) {
                chownTree(output, runAs);
            }
            Process process = new ProcessBuilder(full).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).directory(root.toFile()).start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command.get(0) + " did not finish");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(Path.of(command.get(0)).getFileName() + " exited "
                        + process.exitValue() + ": " + Files.readString(output).strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static Optional<Path> findBinaries() throws IOException {
        String configured = System.getenv("GOVFLOW_PG_BIN");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(dir -> Files.isExecutable(dir.resolve("pg_ctl")));
        }
        Path versions = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(versions)) {
            try (Stream<Path> dirs = Files.list(versions)) {
                Optional<Path> newest = dirs.map(dir -> dir.resolve("bin"))
                        .filter(dir -> Files.isExecutable(dir.resolve("pg_ctl"))
                                && Files.isExecutable(dir.resolve("initdb")))
                        .max(Comparator.comparingInt(PostgresTestServer::majorVersion));
                if (newest.isPresent()) {
                    return newest;
                }
            }
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path candidate = Path.of(dir);
            if (!dir.isEmpty() && Files.isExecutable(candidate.resolve("pg_ctl"))
                    && Files.isExecutable(candidate.resolve("initdb"))) {
                return Optional.of(candidate.resolve("pg_ctl").toRealPath().getParent());
            }
        }
        return Optional.empty();
    }

    private static int majorVersion(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static String unprivilegedUser() throws IOException {
        UserPrincipalLookupService users = Path.of("/").getFileSystem().getUserPrincipalLookupService();
        for (String name : List.of("postgres", "nobody")) {
            try {
                users.lookupPrincipalByName(name);
                return name;
            } catch (java.nio.file.attribute.UserPrincipalNotFoundException e) {
                // try the next
            }
        }
        throw new IllegalStateException("running as root, and no unprivileged user (postgres, nobody) to run as");
    }

    private static void chownTree(Path path, String user) throws IOException {
        UserPrincipalLookupService users = path.getFileSystem().getUserPrincipalLookupService();
        var owner = users.lookupPrincipalByName(user);
        try (Stream<Path> files = Files.walk(path)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.setOwner(file, owner);
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
