package io.govflow.web.agent;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.govflow.flow.agent.IssuedKey;

/** A newly issued key: the only response that carries it. */
@JsonPropertyOrder({ "success", "agent_id", "api_key", "api_key_warning", "agent" })
public record KeyResponse(boolean success, String agentId, String apiKey, String apiKeyWarning, AgentView agent) {

    public static KeyResponse of(IssuedKey issued) {
        return new KeyResponse(true, issued.record().agentId(), issued.apiKey(),
                "Store this key now: it is shown only once; any earlier key of this agent no longer works.",
                AgentView.of(issued.record()));
    }
}
