package io.govflow.web.auth;

import java.util.Map;

import io.govflow.error.ErrorCode;
import io.govflow.error.GovflowException;
import io.govflow.flow.agent.AgentIds;
import io.govflow.flow.agent.AgentRegistry;
import io.govflow.flow.auth.Authenticator;
import io.govflow.flow.auth.Caller;
import io.govflow.web.limit.Quota;
import io.govflow.web.limit.RateLimitInterceptor;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.function.RouterFunctions;

/**
 * Runs for every handler, after handler mapping and before argument binding: refuses a handler without an access
 * decision ({@link HandlerAccess}), validates the {@code id} path variable against the allow-list, then checks the
 * credential the handler's {@link Access} level asks for.
 */
@Component
public class AuthInterceptor implements HandlerInterceptor {

    public static final String CALLER = AuthInterceptor.class.getName() + ".caller";

    private static final Logger log = LoggerFactory.getLogger(AuthInterceptor.class);

    private final Authenticator authenticator;
    private final AgentRegistry registry;
    private final RateLimitInterceptor rateLimits;

    public AuthInterceptor(Authenticator authenticator, AgentRegistry registry, RateLimitInterceptor rateLimits) {
        this.authenticator = authenticator;
        this.registry = registry;
        this.rateLimits = rateLimits;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Access.@Nullable Level level = HandlerAccess.of(handler, request);
        if (level == null) {
            // start-up refuses such handlers (AccessAudit); one registered later is refused here
            log.error("refused: handler {} has no access decision", handler);
            throw new GovflowException(ErrorCode.FORBIDDEN);
        }
        String agentId = pathAgentId(request);
        if (agentId != null) {
            AgentIds.requireValid(agentId);
        }
        Caller caller = checkCounted(level, agentId, BearerCredentials.from(request), request, response);
        if (caller != null) {
            request.setAttribute(CALLER, caller);
        }
        return true;
    }

    /**
     * The check, with failed authentications counted per client address: past the limit a wrong credential is
     * answered {@code RATE_LIMITED} instead of {@code AUTHENTICATION_FAILED}. A valid credential is checked first
     * and never counted, so the limit cannot lock out its owner.
     */
    private @Nullable Caller checkCounted(Access.Level level, @Nullable String agentId, @Nullable String credential,
            HttpServletRequest request, HttpServletResponse response) {
        try {
            return check(level, agentId, credential);
        } catch (GovflowException e) {
            if (e.code() == ErrorCode.AUTHENTICATION_FAILED) {
                rateLimits.takeForAddress(Quota.FAILED_AUTHENTICATIONS, request, response);
            }
            throw e;
        }
    }

    private @Nullable Caller check(Access.Level level, @Nullable String agentId, @Nullable String credential) {
        return switch (level) {
            case ANONYMOUS -> null;
            case REGISTRATION -> {
                registry.checkMayRegister(credential);
                // the admin registering is not counted against the per-address registration limit
                yield credential != null && authenticator.adminEnabled() && isAdmin(credential) ? Caller.ofAdmin()
                        : null;
            }
            case ANY_CREDENTIAL -> authenticator.requireAny(credential);
            case ADMIN -> authenticator.requireAdmin(credential);
            case AGENT_KEY -> authenticator.requireAgent(required(agentId), credential, false);
            case AGENT_KEY_OR_ADMIN -> authenticator.requireAgent(required(agentId), credential, true);
            case TENANT_OR_ADMIN -> authenticator.requireTenant(required(agentId), credential);
        };
    }

    private boolean isAdmin(String credential) {
        try {
            return authenticator.requireAdmin(credential).admin();
        } catch (GovflowException e) {
            return false;
        }
    }

    private static String required(@Nullable String agentId) {
        if (agentId == null) {
            throw new IllegalStateException("handler needs an {id} path variable for agent-key access");
        }
        return agentId;
    }

    private static @Nullable String pathAgentId(HttpServletRequest request) {
        Object vars = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (vars == null) {
            vars = request.getAttribute(RouterFunctions.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        }
        return vars instanceof Map<?, ?> map && map.get("id") instanceof String id ? id : null;
    }
}
