package io.govflow.flow.agent;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.govflow.error.ErrorCode;
import io.govflow.error.GovflowException;

/**
 * The agent-id allow-list. Ids become file names, so anything outside {@code ^[A-Za-z0-9_-]{3,64}$} is refused
 * everywhere; generic names are refused only at registration so migrated agents with such names stay reachable.
 */
public final class AgentIds {

    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9_-]{3,64}");
    private static final Set<String> GENERIC = Set.of("test", "demo", "default_agent", "agent", "monitor",
            "claude_code_cli", "claude_chat", "composer", "cursor_ide");

    private AgentIds() {
    }

    public static String requireValid(String agentId) {
        if (!ALLOWED.matcher(agentId).matches()) {
            throw new GovflowException(ErrorCode.INVALID_AGENT_ID);
        }
        return agentId;
    }

    public static String requireRegistrable(String agentId) {
        requireValid(agentId);
        if (isGeneric(agentId)) {
            throw GovflowException.withDetails(ErrorCode.INVALID_AGENT_ID,
                    Map.of("reason", "generic names are reserved; add a specific suffix such as a date"));
        }
        return agentId;
    }

    static boolean isGeneric(String agentId) {
        String lower = agentId.toLowerCase(Locale.ROOT);
        if (GENERIC.contains(lower)) {
            return true;
        }
        boolean prefixed = lower.startsWith("test_") || lower.startsWith("demo_");
        return prefixed && lower.split("_", -1).length < 3;
    }
}
