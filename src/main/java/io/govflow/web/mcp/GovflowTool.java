package io.govflow.web.mcp;

import java.util.List;
import java.util.Map;

import io.govflow.web.auth.Access;
import io.govflow.web.limit.Quota;

import org.jspecify.annotations.Nullable;

/**
 * One MCP tool: the reference's name, the REST endpoint it stands for, the access level of that endpoint, its
 * non-body arguments, the request record of its body (the input schema and the binding both come from it) and
 * the reference's names of body fields that REST names differently ({@code aliases}: reference name → REST name),
 * and the quota its endpoint counts against.
 */
record GovflowTool(String name, String rest, String description, Access.Level access, boolean readOnly,
        List<ToolParam> params, @Nullable Class<? extends Record> body, Map<String, String> aliases,
        boolean registersUnknownAgent, Quota quota, ToolHandler handler) {

    static Builder named(String name, String rest) {
        return new Builder(name, rest);
    }

    /** The agent the access level is about: the {@code agent_id} argument when the tool requires one. */
    boolean takesAgentId() {
        return params.stream().anyMatch(p -> p.name().equals("agent_id") && p.required());
    }

    static final class Builder {

        private final String name;
        private final String rest;
        private String description = "";
        private Access.Level access = Access.Level.ANY_CREDENTIAL;
        private boolean readOnly;
        private List<ToolParam> params = List.of();
        private @Nullable Class<? extends Record> body;
        private Map<String, String> aliases = Map.of();
        private boolean registersUnknownAgent;
        private Quota quota = Quota.REQUESTS;

        private Builder(String name, String rest) {
            this.name = name;
            this.rest = rest;
        }

        Builder description(String text) {
            this.description = text;
            return this;
        }

        Builder access(Access.Level level) {
            this.access = level;
            return this;
        }

        Builder readOnly() {
            this.readOnly = true;
            return this;
        }

        Builder params(ToolParam... declared) {
            this.params = List.of(declared);
            return this;
        }

        Builder body(Class<? extends Record> type) {
            this.body = type;
            return this;
        }

        Builder aliases(Map<String, String> names) {
            this.aliases = Map.copyOf(names);
            return this;
        }

        /** As in the reference: a call without a credential for an unknown agent registers it first. */
        Builder registersUnknownAgent() {
            this.registersUnknownAgent = true;
            return this;
        }

        /** The quota of the REST endpoint when it has its own ({@code @RateLimited}); else {@code REQUESTS}. */
        Builder quota(Quota counted) {
            this.quota = counted;
            return this;
        }

        GovflowTool handler(ToolHandler handler) {
            return new GovflowTool(name, rest, description, access, readOnly, params, body, aliases,
                    registersUnknownAgent, quota, handler);
        }
    }
}
