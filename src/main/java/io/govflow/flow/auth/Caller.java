package io.govflow.flow.auth;

import org.jspecify.annotations.Nullable;

/** Who made an authenticated request: the admin, or the agent whose key was presented. */
public record Caller(boolean admin, @Nullable String agentId) {

    public static Caller ofAdmin() {
        return new Caller(true, null);
    }

    public static Caller ofAgent(String agentId) {
        return new Caller(false, agentId);
    }
}
