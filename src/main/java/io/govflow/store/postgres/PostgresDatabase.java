package io.govflow.store.postgres;

import java.sql.SQLException;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.TransactionTemplate;

import io.govflow.error.ErrorCode;
import io.govflow.error.GovflowException;
import io.govflow.store.io.LogText;

/**
 * The store's access to PostgreSQL: statements and transactions on the pool, with every database failure turned
 * into the service's error codes. The database unreachable is {@code DATABASE_UNAVAILABLE} (503, Retry-After);
 * a lock wait past {@code lock_timeout} is {@code LOCK_TIMEOUT}, as in the file store; anything else is
 * {@code STORAGE_ERROR}. The SQL and the driver's text go to the log, never into a response.
 */
public final class PostgresDatabase {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresDatabase.class);
    static final long UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    public PostgresDatabase(DataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** Statements outside a transaction of their own (each autocommits, or joins the caller's transaction). */
    public <T> T read(Function<JdbcTemplate, T> work) {
        return translated(() -> work.apply(jdbc));
    }

    /** One transaction: committed when {@code work} returns, rolled back when it throws. */
    public <T> T inTransaction(Function<JdbcTemplate, T> work) {
        return translated(() -> transactions.execute(status -> work.apply(jdbc)));
    }

    /** True when a connection can be had and answers now. */
    public boolean reachable() {
        try (var connection = dataSource.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    private static <T> T translated(Supplier<@Nullable T> work) {
        try {
            return work.get();
        } catch (DataAccessException | TransactionException e) {
            throw translate(e);
        }
    }

    /** The service's error for a database failure. */
    public static GovflowException translate(RuntimeException e) {
        if (e instanceof TransactionSystemException && String.valueOf(e.getMessage()).contains("commit")) {
            // the commit was sent and its answer lost: it may have been applied
            LOG.error("Database commit outcome unknown: {}", LogText.safe(rootMessage(e)));
            return new GovflowException(ErrorCode.STORAGE_ERROR, Map.of("committed", "unknown"), null, e);
        }
        if (isLockTimeout(e)) {
            return GovflowException.retryAfter(ErrorCode.LOCK_TIMEOUT, 1, Map.of());
        }
        if (isUnavailable(e)) {
            LOG.warn("Database unavailable: {}", LogText.safe(rootMessage(e)));
            return GovflowException.retryAfter(ErrorCode.DATABASE_UNAVAILABLE, UNAVAILABLE_RETRY_AFTER_SECONDS,
                    Map.of());
        }
        LOG.error("Database operation failed: {}", LogText.safe(rootMessage(e)));
        return new GovflowException(ErrorCode.STORAGE_ERROR, Map.of(), null, e);
    }

    static boolean isLockTimeout(Throwable e) {
        return e instanceof CannotAcquireLockException || e instanceof PessimisticLockingFailureException
                || "55P03".equals(sqlState(e));
    }

    static boolean isUnavailable(Throwable e) {
        if (e instanceof TransactionSystemException) {
            return true; // a rollback (or the start of a transaction) on a connection that is gone
        }
        if (e instanceof CannotGetJdbcConnectionException || e instanceof DataAccessResourceFailureException
                || e instanceof TransientDataAccessResourceException
                || e instanceof org.springframework.transaction.CannotCreateTransactionException) {
            return true;
        }
        String state = sqlState(e);
        // 08: connection exceptions; 57P01-57P03: the server shutting down or starting up
        return state != null && (state.startsWith("08") || state.startsWith("57P"));
    }

    private static @Nullable String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
