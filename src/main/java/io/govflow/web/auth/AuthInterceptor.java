package io.govflow.web.auth;

import java.util.Map;

import io.govflow.flow.agent.AgentIds;
import io.govflow.flow.agent.AgentRegistry;
import io.govflow.flow.auth.Authenticator;
import io.govflow.flow.auth.Caller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Validates the {@code id} path variable against the allow-list, then checks the credential the handler's
 * {@link Access} level asks for. Runs after handler mapping and before argument binding.
 */
@Component
public class AuthInterceptor implements HandlerInterceptor {

    public static final String CALLER = AuthInterceptor.class.getName() + ".caller";

    private final Authenticator authenticator;
    private final AgentRegistry registry;

    public AuthInterceptor(Authenticator authenticator, AgentRegistry registry) {
        this.authenticator = authenticator;
        this.registry = registry;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        String agentId = pathAgentId(request);
        if (agentId != null) {
            AgentIds.requireValid(agentId);
        }
        Access access = method.getMethodAnnotation(Access.class);
        if (access == null) {
            return true;
        }
        Caller caller = check(access.value(), agentId, BearerCredentials.from(request));
        if (caller != null) {
            request.setAttribute(CALLER, caller);
        }
        return true;
    }

    private @Nullable Caller check(Access.Level level, @Nullable String agentId, @Nullable String credential) {
        return switch (level) {
            case ANONYMOUS -> null;
            case REGISTRATION -> {
                registry.checkMayRegister(credential);
                yield null;
            }
            case ANY_CREDENTIAL -> authenticator.requireAny(credential);
            case ADMIN -> authenticator.requireAdmin(credential);
            case AGENT_KEY -> authenticator.requireAgent(required(agentId), credential, false);
            case AGENT_KEY_OR_ADMIN -> authenticator.requireAgent(required(agentId), credential, true);
            case TENANT_OR_ADMIN -> authenticator.requireTenant(required(agentId), credential);
        };
    }

    private static String required(@Nullable String agentId) {
        if (agentId == null) {
            throw new IllegalStateException("handler needs an {id} path variable for agent-key access");
        }
        return agentId;
    }

    @SuppressWarnings("unchecked")
    private static @Nullable String pathAgentId(HttpServletRequest request) {
        Object vars = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        return vars instanceof Map<?, ?> map ? (String) ((Map<String, String>) map).get("id") : null;
    }
}
