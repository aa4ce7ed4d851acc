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
        @DefaultValue Mcp mcp) {

    /** Lock deadline and poll interval for every file lock. */
    public record Lock(@DefaultValue("5s") Duration timeout, @DefaultValue("100ms") Duration retry) {
    }

    /**
     * The store: which implementation, and the bounds of the commit protocol (storage spec §3, §5). Only the
     * update-log line is written synchronously; the metadata file and the state files are checkpoints of the
     * log that follow within these bounds.
     *
     * @param kind {@code file} (the default) or {@code memory} (benchmarks and tests only, nothing is durable)
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
            if (!List.of("file", "memory").contains(kind)) {
                throw new IllegalArgumentException("govflow.store.kind must be 'file' or 'memory' (was '" + kind
                        + "')");
            }
        }
    }

    /** Entries kept in the state file's history arrays; the update log keeps everything. */
    public record History(@DefaultValue("1000") int window) {
    }

    /** Credentials. An unset admin token disables the admin endpoints. */
    public record Security(@Nullable String adminToken, @DefaultValue("true") boolean openRegistration) {
    }

    /** Governance switches. */
    public record Governance(@DefaultValue("true") boolean loopDetection,
            @DefaultValue("false") boolean enforcePause) {
    }

    /** HTTP limits. */
    public record Http(@DefaultValue("1MB") DataSize maxBody) {
    }

    /** Reading a reference data directory. */
    public record Migration(@DefaultValue("UTC") String sourceZone) {
    }

    /** Knowledge graph limits. */
    public record Knowledge(@DefaultValue("10") int maxStoresPerHour) {
    }

    /** Dialectic session timeouts. */
    public record Dialectic(@DefaultValue("2h") Duration antithesisTimeout,
            @DefaultValue("1h") Duration synthesisTimeout,
            @DefaultValue("6h") Duration sessionTimeout,
            @DefaultValue("30m") Duration reviewerWait) {
    }

    /**
     * The MCP endpoint: on or off, and the browser origins (and, when not empty, Host values) it accepts. A request
     * with another Origin is refused (DNS-rebinding protection); requests without Origin (MCP clients that are not
     * browsers) pass. Entries may end in {@code :*} for any port.
     */
    public record Mcp(@DefaultValue("true") boolean enabled, @DefaultValue List<String> allowedOrigins,
            @DefaultValue List<String> allowedHosts) {
    }
}
