package io.govflow.web.agent;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.govflow.flow.agent.Registration;

/** The answer to a registration: the only response that ever carries the key. */
@JsonPropertyOrder({ "success", "agent_id", "api_key", "api_key_warning", "agent" })
public record RegistrationResponse(boolean success, String agentId, String apiKey, String apiKeyWarning,
        AgentView agent) {

    static RegistrationResponse of(Registration registration) {
        return new RegistrationResponse(true, registration.record().agentId(), registration.apiKey(),
                "Store this key now: it is shown only once and cannot be recovered, only rotated.",
                AgentView.of(registration.record()));
    }
}
