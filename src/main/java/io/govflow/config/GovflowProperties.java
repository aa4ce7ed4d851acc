package io.govflow.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Every tunable of the service, bound from {@code govflow.*} (each also settable by its environment
 * variable, e.g. {@code GOVFLOW_DATA_DIR}).
 */
@ConfigurationProperties("govflow")
public record GovflowProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue Lock lock,
        @DefaultValue Store store,
        @DefaultValue History history,
        @DefaultValue Security security,
        @DefaultValue Governance governance,
        @DefaultValue Http http,
        @DefaultValue Migration migration,
        @DefaultValue Knowledge knowledge,
        @DefaultValue Dialectic dialectic,
        @DefaultValue Lifecycle lifecycle,
        @DefaultValue Mcp mcp,
        @DefaultValue Limits limits,
        @DefaultValue Fleet fleet,
        @DefaultValue Postgres postgres) {

    /** Lock deadline and poll interval for every file lock. */
    public record Lock(@DefaultValue("5s") Duration timeout, @DefaultValue("100ms") Duration retry) {
    }

    /**
     * The store: which implementation, and the bounds of the commit protocol (storage spec §3, §5). Only the
     * update-log line is written synchronously; the metadata file and the state files are checkpoints of the
     * log that follow within these bounds.
     *
     * @param kind {@code file} (the default), {@code postgres} (every store in the PostgreSQL database of
     *        {@code spring.datasource.*}, scale-out spec) or {@code memory} (benchmarks and tests only, nothing is
     *        durable)
     * @param tempMaxAge a temp file is removed at start-up only when its writer's pid is dead and it is older
     *        than this (pids are not comparable across container pid namespaces)
     * @param metadataFlushInterval the longest a dirty metadata change waits for its group commit
     * @param stateCheckpointLines a state file is rewritten when it is this many log lines behind
     * @param stateCheckpointInterval ... or this long behind
     * @param checkpointWritesPerSecond the budget of state-file rewrites
     * @param maxCheckpointLag the hard cap: further behind than this, writes are refused with
     *        {@code CHECKPOINT_BACKLOG} until the checkpoints catch up
     * @param cacheBytes the memory the per-agent views may take
     */
    public record Store(@DefaultValue("file") String kind,
            @DefaultValue("15m") Duration tempMaxAge,
            @DefaultValue("1s") Duration metadataFlushInterval,
            @DefaultValue("100") int stateCheckpointLines,
            @DefaultValue("10s") Duration stateCheckpointInterval,
            @DefaultValue("200") int checkpointWritesPerSecond,
            @DefaultValue("60s") Duration maxCheckpointLag,
            @DefaultValue("256MB") DataSize cacheBytes) {

        public Store {
            // an unknown kind stops the start here, with its name, instead of as a missing bean later
            if (!List.of("file", "postgres", "memory").contains(kind)) {
                throw new IllegalArgumentException("govflow.store.kind must be 'file', 'postgres' or 'memory' (was '"
                        + kind + "')");
            }
        }
    }

    /**
     * The PostgreSQL store ({@code govflow.store.kind=postgres}); the connection itself is Spring Boot's
     * {@code spring.datasource.*} (URL, the service's least-privilege user and its password).
     *
     * @param passwordFile a file holding the service user's password (a container secret), read at start-up
     *        instead of {@code spring.datasource.password}
     * @param ownerUsername the schema owner that applies the migrations at start-up; unset: the service user
     * @param ownerPassword its password
     * @param ownerPasswordFile a file holding it
     * @param lockConnections connections that hold this instance's advisory locks (a lock's key picks one)
     */
    public record Postgres(@Nullable Path passwordFile, @Nullable String ownerUsername, @Nullable String ownerPassword,
            @Nullable Path ownerPasswordFile, @DefaultValue("4") int lockConnections) {

        public Postgres {
            if (lockConnections < 1 || lockConnections > 64) {
                throw new IllegalArgumentException("govflow.postgres.lock-connections must be 1 to 64");
            }
        }
    }

    /** Entries kept in the state file's history arrays; the update log keeps everything. */
    public record History(@DefaultValue("1000") int window) {
    }

    /**
     * Credentials. An unset admin token disables the admin endpoints; a set one must be at least
     * {@value #MIN_ADMIN_TOKEN_LENGTH} characters long, or the service does not start.
     *
     * @param openOperations {@code /actuator/info} and {@code /actuator/prometheus} without a credential (they
     *        describe the host: versions, memory, every meter); off, they need the admin token
     */
    public record Security(@Nullable String adminToken, @DefaultValue("true") boolean openRegistration,
            @DefaultValue("false") boolean openOperations) {

        public static final int MIN_ADMIN_TOKEN_LENGTH = 16;

        public Security {
            // the message names the property and the rule, never the value
            if (adminToken != null && !adminToken.isBlank()
                    && adminToken.strip().codePointCount(0, adminToken.strip().length()) < MIN_ADMIN_TOKEN_LENGTH) {
                throw new IllegalArgumentException("govflow.security.admin-token must be at least "
                        + MIN_ADMIN_TOKEN_LENGTH + " characters (GOVFLOW_SECURITY_ADMIN_TOKEN); use a long random "
                        + "value, e.g. the output of 'openssl rand -hex 32'");
            }
        }
    }

    /** Governance switches. */
    public record Governance(@DefaultValue("true") boolean loopDetection,
            @DefaultValue("false") boolean enforcePause) {
    }

    /**
     * HTTP limits.
     *
     * @param readDeadline the longest a request body may take to arrive, counted from the moment the handler
     *        chain starts, and the longest the connector waits for any single read (headers included); a client
     *        that trickles is answered {@code REQUEST_TIMEOUT} (408)
     */
    public record Http(@DefaultValue("1MB") DataSize maxBody, @DefaultValue("30s") Duration readDeadline) {

        public Http {
            if (readDeadline.isNegative() || readDeadline.isZero()) {
                throw new IllegalArgumentException("govflow.http.read-deadline must be positive");
            }
        }
    }

    /** Reading a reference data directory. */
    public record Migration(@DefaultValue("UTC") String sourceZone) {
    }

    /** Knowledge graph limits. */
    public record Knowledge(@DefaultValue("10") int maxStoresPerHour) {
    }

    /**
     * Dialectic session timeouts and who may review.
     *
     * @param reviewerMinAge a reviewer was registered at least this long ago
     * @param reviewerMinUpdates ... and has posted at least this many updates
     */
    public record Dialectic(@DefaultValue("2h") Duration antithesisTimeout,
            @DefaultValue("1h") Duration synthesisTimeout,
            @DefaultValue("6h") Duration sessionTimeout,
            @DefaultValue("30m") Duration reviewerWait,
            @DefaultValue("1h") Duration reviewerMinAge,
            @DefaultValue("5") int reviewerMinUpdates) {
    }

    /**
     * Agents' lifecycle records.
     *
     * @param maxEvents the newest lifecycle events kept per agent; older ones are only counted
     */
    public record Lifecycle(@DefaultValue("100") int maxEvents) {

        public Lifecycle {
            if (maxEvents < 1) {
                throw new IllegalArgumentException("govflow.lifecycle.max-events must be at least 1");
            }
        }
    }

    /**
     * The MCP endpoint: on or off, and the browser origins (and, when not empty, Host values) it accepts. A request
     * with another Origin is refused (DNS-rebinding protection); requests without Origin (MCP clients that are not
     * browsers) pass. Entries may end in {@code :*} for any port.
     */
    public record Mcp(@DefaultValue("true") boolean enabled, @DefaultValue List<String> allowedOrigins,
            @DefaultValue List<String> allowedHosts) {
    }

    /**
     * Quotas and rate limits. Buckets live in each instance's memory (two instances on one data directory each
     * allow the full rate); counts the spec keeps in files (discoveries per hour) stay exact across instances.
     *
     * @param trustedProxies peers (IP addresses or CIDR ranges) whose X-Forwarded-For names the client address;
     *        from any other peer the header is ignored
     * @param requests every authenticated request without a quota of its own, per agent (default 6000 per 1m);
     *        the admin token is not limited
     * @param registration registrations, per client address (30 per 1h; the admin token is not counted)
     * @param failedAuthentications failed authentications, per client address (20 per 1m); a valid credential is
     *        never refused
     * @param contextWrites context document writes and deletions, per agent (60 per 1m)
     * @param exports export files written on request, per agent (30 per 1h)
     * @param reviewSessions dialectic sessions requested, per agent (10 per 1h)
     * @param discoveries discoveries recorded, per agent, in bursts (30 per 1m; besides the exact hourly count of
     *        {@code govflow.knowledge.max-stores-per-hour})
     * @param charts history charts drawn, per caller (60 per 1m; a chart of the last 10 000 updates costs tens of
     *        milliseconds of CPU and megabytes of output, far more than a JSON read)
     * @param exportFilesPerAgent export files an agent may keep; past it new exports are refused, never deleted
     */
    public record Limits(@DefaultValue List<String> trustedProxies,
            @DefaultValue Rate requests,
            @DefaultValue Rate registration,
            @DefaultValue Rate failedAuthentications,
            @DefaultValue Rate contextWrites,
            @DefaultValue Rate exports,
            @DefaultValue Rate reviewSessions,
            @DefaultValue Rate discoveries,
            @DefaultValue Rate charts,
            @DefaultValue("200") int exportFilesPerAgent) {

        private static final Duration MINUTE = Duration.ofMinutes(1);
        private static final Duration HOUR = Duration.ofHours(1);

        // the defaults of each rate's two parts, filled separately so that setting one keeps the other's default
        public Limits {
            trustedProxies = List.copyOf(trustedProxies);
            requests = requests.orDefaults(6000, MINUTE);
            registration = registration.orDefaults(30, HOUR);
            failedAuthentications = failedAuthentications.orDefaults(20, MINUTE);
            contextWrites = contextWrites.orDefaults(60, MINUTE);
            exports = exports.orDefaults(30, HOUR);
            reviewSessions = reviewSessions.orDefaults(10, HOUR);
            discoveries = discoveries.orDefaults(30, MINUTE);
            charts = charts.orDefaults(60, MINUTE);
            if (exportFilesPerAgent < 1) {
                throw new IllegalArgumentException("govflow.limits.export-files-per-agent must be at least 1");
            }
        }
    }

    /**
     * A token bucket: {@code capacity} requests, refilled evenly over {@code period}. Unset parts (0, null) take
     * the defaults of {@link Limits}.
     *
     * @param capacity requests allowed per period (and the largest burst)
     * @param period the window the capacity refills over
     */
    public record Rate(int capacity, @Nullable Duration period) {

        Rate orDefaults(int defaultCapacity, Duration defaultPeriod) {
            Rate rate = new Rate(capacity == 0 ? defaultCapacity : capacity, period == null ? defaultPeriod : period);
            if (rate.capacity < 1 || rate.window().isNegative() || rate.window().isZero()) {
                throw new IllegalArgumentException("a rate needs a capacity of at least 1 and a positive period (was "
                        + capacity + " per " + period + ")");
            }
            return rate;
        }

        /** The period, once defaults are filled in. */
        public Duration window() {
            return java.util.Objects.requireNonNull(period, "period");
        }
    }

    /**
     * The fleet endpoints' in-memory index of every agent's latest values.
     *
     * @param refreshInterval how often, at most, the logs are stat-ed for lines another instance wrote (only
     *        changed logs are read again)
     * @param window recent updates kept per agent for the anomaly rules (attention, coherence, decision)
     */
    public record Fleet(@DefaultValue("5s") Duration refreshInterval, @DefaultValue("50") int window) {

        public Fleet {
            if (refreshInterval.isNegative()) {
                throw new IllegalArgumentException("govflow.fleet.refresh-interval must not be negative");
            }
            if (window < 20 || window > 1000) {
                throw new IllegalArgumentException("govflow.fleet.window must be between 20 and 1000");
            }
        }
    }
}
