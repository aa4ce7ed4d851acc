package io.govflow.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.govflow.support.PostgresTestServer;

/**
 * The PostgreSQL server of scenarios 10 to 13: the tests' own server ({@link PostgresTestServer}, the machine's
 * PostgreSQL binaries run as an unprivileged user, stopped and deleted when this JVM exits), each scenario on a
 * fresh database. When no server can be started the scenarios are reported as skipped with the reason; that never
 * fails the run.
 */
final class PostgresBench {

    static final List<String> SCENARIOS = List.of(PostgresUpdates.S10, PostgresFleet.S11, PostgresUpdates.S12,
            PostgresCommits.S13);

    private final @Nullable PostgresTestServer server;
    private final String skipReason;

    private PostgresBench(@Nullable PostgresTestServer server, String skipReason) {
        this.server = server;
        this.skipReason = skipReason;
    }

    /** Starts the server, or records why the PostgreSQL scenarios are skipped. */
    static PostgresBench start(Results results) {
        try {
            PostgresTestServer started = PostgresTestServer.get();
            try (Connection c = started.newDatabase("bench_probe").ownerConnection();
                    Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT version()")) {
                rs.next();
                results.describe("postgresql", rs.getString(1));
            }
            return new PostgresBench(started, "");
        } catch (RuntimeException | SQLException e) {
            // the tests' server skips a test (TestAbortedException) when it cannot start; here that is a skip too
            String reason = String.valueOf(e.getMessage()).lines().findFirst().orElse(e.toString());
            for (String scenario : SCENARIOS) {
                results.add(new Row(scenario, "skipped: no PostgreSQL server", reason, "—", Row.Met.NOT_AVAILABLE,
                        Map.of("reason", reason)));
            }
            results.note("Scenarios 10 to 13 (PostgreSQL store) were skipped: " + reason);
            return new PostgresBench(null, reason);
        }
    }

    boolean available() {
        return server != null;
    }

    String skipReason() {
        return skipReason;
    }

    /** A fresh, empty database (the service applies its migrations on start-up). */
    PostgresTestServer.Database newDatabase(String purpose) {
        return server().newDatabase(purpose);
    }

    /** The server's main process (postmaster): the parent of every backend, for its CPU. */
    ProcessHandle postmaster(PostgresTestServer.Database db) {
        try (Connection c = db.ownerConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            long backend = rs.getLong(1);
            return ProcessHandle.of(backend).flatMap(ProcessHandle::parent)
                    .orElseThrow(() -> new IllegalStateException("no parent process of backend " + backend));
        } catch (SQLException e) {
            throw new IllegalStateException("asking PostgreSQL for its process: " + e.getMessage(), e);
        }
    }

    /** Rows of {@code update_log} per agent: what the ledger's acknowledged updates must match. */
    static Map<String, Long> logRows(PostgresTestServer.Database db) {
        Map<String, Long> rows = new HashMap<>();
        try (Connection c = db.ownerConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT agent_id, count(*) FROM update_log GROUP BY agent_id"); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                rows.put(rs.getString(1), rs.getLong(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("counting update_log rows: " + e.getMessage(), e);
        }
        return rows;
    }

    private PostgresTestServer server() {
        PostgresTestServer s = server;
        if (s == null) {
            throw new IllegalStateException("no PostgreSQL server: " + skipReason);
        }
        return s;
    }
}
