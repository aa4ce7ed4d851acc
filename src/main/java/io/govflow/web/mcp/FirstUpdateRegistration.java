package io.govflow.web.mcp;

import io.govflow.error.ErrorCode;
import io.govflow.error.GovflowException;
import io.govflow.flow.agent.AgentIds;
import io.govflow.flow.agent.AgentRegistry;
import io.govflow.web.agent.AgentController;
import io.govflow.web.agent.RegisterRequest;
import io.govflow.web.agent.RegistrationResponse;
import io.govflow.web.auth.Access;
import io.govflow.web.auth.AuthInterceptor;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

/**
 * The reference's implicit registration: a first {@code process_agent_update} without a credential for an agent
 * that does not exist registers it through the REST registration (same access rule: open registration on, same
 * id rules and checks), so the update can run with the key just issued.
 */
@Component
class FirstUpdateRegistration {

    private final AgentRegistry registry;
    private final AgentController agents;
    private final AuthInterceptor access;

    FirstUpdateRegistration(AgentRegistry registry, AgentController agents, AuthInterceptor access) {
        this.registry = registry;
        this.agents = agents;
        this.access = access;
    }

    boolean isUnknown(String agentId) {
        AgentIds.requireValid(agentId);
        try {
            registry.get(agentId);
            return false;
        } catch (GovflowException e) {
            if (e.code() == ErrorCode.AGENT_NOT_FOUND) {
                return true;
            }
            throw e;
        }
    }

    RegistrationResponse register(String agentId, HttpServletRequest http) {
        access.authorize(Access.Level.REGISTRATION, null, null);
        return agents.register(new RegisterRequest(agentId, null, null, null, null), http);
    }
}
