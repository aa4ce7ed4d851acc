package io.govflow.store.postgres;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.govflow.error.ErrorCode;
import io.govflow.error.GovflowException;
import io.govflow.store.io.LockKey;
import io.govflow.store.io.LogText;
import io.govflow.store.io.SharedLocks;

/**
 * The locks every replica on the database sees: PostgreSQL session-level advisory locks, one 64-bit key per
 * {@link LockKey}, held on a few dedicated connections of this instance (a key always uses the same one, so it is
 * released where it was taken). The in-JVM layer in front ({@code LockManager}) means each key is held at most once
 * per instance. A replica that dies loses its connections and so its locks, at once. If a lock connection breaks
 * while held, the database itself is gone for that moment; the row lock of each update-log append still keeps seqs
 * contiguous, so a lost advisory lock can cost a refused write, never a wrong one.
 */
final class PostgresAdvisoryLocks implements SharedLocks, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresAdvisoryLocks.class);

    private final PostgresConnections.Settings settings;
    private final Stripe[] stripes;
    private final long retryNanos;

    private static final class Stripe {
        final ReentrantLock guard = new ReentrantLock();
        @Nullable Connection connection;
    }

    PostgresAdvisoryLocks(PostgresConnections.Settings settings, int connections, Duration retry) {
        this.settings = settings;
        this.stripes = new Stripe[connections];
        for (int i = 0; i < connections; i++) {
            stripes[i] = new Stripe();
        }
        this.retryNanos = Math.max(TimeUnit.MILLISECONDS.toNanos(1), Math.min(retry.toNanos(),
                TimeUnit.MILLISECONDS.toNanos(20)));
    }

    @Override
    public boolean lock(LockKey key, long deadlineNanos) {
        while (true) {
            if (tryLock(key)) {
                return true;
            }
            long remaining = deadlineNanos - System.nanoTime();
            if (remaining <= 0) {
                return false;
            }
            LockSupport.parkNanos(Math.min(retryNanos, remaining));
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    @Override
    public boolean tryLock(LockKey key) {
        return call(key, "SELECT pg_try_advisory_lock(?)", true);
    }

    @Override
    public void unlock(LockKey key) {
        call(key, "SELECT pg_advisory_unlock(?)", false);
    }

    private boolean call(LockKey key, String sql, boolean failIfUnreachable) {
        long id = keyOf(key);
        Stripe stripe = stripes[(int) Math.floorMod(id, (long) stripes.length)];
        stripe.guard.lock();
        try {
            Connection connection = connection(stripe);
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setLong(1, id);
                try (ResultSet rs = statement.executeQuery()) {
                    return rs.next() && rs.getBoolean(1);
                }
            }
        } catch (SQLException e) {
            closeQuietly(stripe);
            if (!failIfUnreachable) {
                // the connection is gone, and with it every advisory lock it held
                LOG.warn("Lock connection lost while releasing {}: {}", key.kind(), LogText.safe(e.getMessage()));
                return false;
            }
            LOG.warn("Lock connection unavailable: {}", LogText.safe(e.getMessage()));
            throw GovflowException.retryAfter(ErrorCode.DATABASE_UNAVAILABLE,
                    PostgresDatabase.UNAVAILABLE_RETRY_AFTER_SECONDS, Map.of());
        } finally {
            stripe.guard.unlock();
        }
    }

    private Connection connection(Stripe stripe) throws SQLException {
        Connection connection = stripe.connection;
        if (connection == null || connection.isClosed()) {
            Properties properties = new Properties();
            properties.setProperty("user", settings.username());
            properties.setProperty("password", settings.password());
            properties.setProperty("tcpKeepAlive", "true");
            properties.setProperty("connectTimeout", "5");
            properties.setProperty("ApplicationName", "govflow-locks");
            connection = DriverManager.getConnection(settings.url(), properties);
            connection.setAutoCommit(true);
            stripe.connection = connection;
        }
        return connection;
    }

    /** A stable 64-bit key: the lock kind in the top byte, a digest of the id below it. */
    static long keyOf(LockKey key) {
        String id = key.id() == null ? "" : key.id();
        long digest = UUID.nameUUIDFromBytes(id.getBytes(StandardCharsets.UTF_8)).getMostSignificantBits();
        return ((long) key.kind().ordinal() << 56) | (digest & 0x00FF_FFFF_FFFF_FFFFL);
    }

    private static void closeQuietly(Stripe stripe) {
        Connection connection = stripe.connection;
        stripe.connection = null;
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // already broken
            }
        }
    }

    @Override
    public void close() {
        for (Stripe stripe : stripes) {
            stripe.guard.lock();
            try {
                closeQuietly(stripe);
            } finally {
                stripe.guard.unlock();
            }
        }
    }
}
