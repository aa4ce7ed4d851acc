package io.govflow.config;

import java.nio.file.Path;
import java.time.Duration;

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
        @DefaultValue History history,
        @DefaultValue Security security,
        @DefaultValue Governance governance,
        @DefaultValue Http http,
        @DefaultValue Migration migration,
        @DefaultValue Knowledge knowledge,
        @DefaultValue Dialectic dialectic) {

    /** Lock deadline and poll interval for every file lock. */
    public record Lock(@DefaultValue("5s") Duration timeout, @DefaultValue("100ms") Duration retry) {
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
}
