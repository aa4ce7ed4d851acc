package io.govflow.web.limit;

import java.util.Locale;
import java.util.function.Function;

import io.govflow.config.GovflowProperties.Limits;
import io.govflow.config.GovflowProperties.Rate;

/** The rate limits, each with what it counts per (an agent or a client address) and its configured rate. */
public enum Quota {
    /** Every authenticated request without a quota of its own, per agent (anonymous: per address). */
    REQUESTS(Scope.CALLER, Limits::requests),
    REGISTRATION(Scope.ADDRESS, Limits::registration),
    FAILED_AUTHENTICATIONS(Scope.ADDRESS, Limits::failedAuthentications),
    CONTEXT_WRITES(Scope.CALLER, Limits::contextWrites),
    EXPORTS(Scope.CALLER, Limits::exports),
    REVIEW_SESSIONS(Scope.CALLER, Limits::reviewSessions),
    DISCOVERIES(Scope.CALLER, Limits::discoveries),
    CHARTS(Scope.CALLER, Limits::charts);

    /** What a bucket is kept per. */
    enum Scope {
        /** The authenticated agent (or the client address when there is no agent). */
        CALLER,
        /** The client address. */
        ADDRESS
    }

    private final Scope scope;
    private final Function<Limits, Rate> rate;

    Quota(Scope scope, Function<Limits, Rate> rate) {
        this.scope = scope;
        this.rate = rate;
    }

    Scope scope() {
        return scope;
    }

    Rate rate(Limits limits) {
        return rate.apply(limits);
    }

    /** The policy name in the RateLimit headers, e.g. {@code context-writes}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
