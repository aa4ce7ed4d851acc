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
        Caller caller = checkCounted(level, pathAgentId(request), BearerCredentials.from(request), isRead(request),
                request, response);
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
            boolean read, HttpServletRequest request, HttpServletResponse response) {
        try {
            return authorize(level, agentId, credential, read);
        } catch (GovflowException e) {
            if (e.code() == ErrorCode.AUTHENTICATION_FAILED) {
                rateLimits.takeForAddress(Quota.FAILED_AUTHENTICATIONS, request, response);
            }
            throw e;
        }
    }

    /**
     * The decision of one access level for a call on agent {@code agentId} (validated against the allow-list
     * first) with {@code credential}, for calls that reach no handler method (MCP tools): never a read in the sense
     * of a deleted agent reading its own deletion state.
     */
    public @Nullable Caller authorize(Access.Level level, @Nullable String agentId, @Nullable String credential) {
        return authorize(level, agentId, credential, false);
    }

    private @Nullable Caller authorize(Access.Level level, @Nullable String agentId, @Nullable String credential,
            boolean read) {
        if (agentId != null) {
            AgentIds.requireValid(agentId);
        }
        return check(level, agentId, credential, read);
    }

    private @Nullable Caller check(Access.Level level, @Nullable String agentId, @Nullable String credential,
            boolean read) {
        return switch (level) {
            case ANONYMOUS -> null;
            case REGISTRATION -> registry.checkMayRegister(credential);
            // a deleted agent's key still reads that agent (its deletion state), and nothing else
            case ANY_CREDENTIAL -> read ? authenticator.requireAnyReading(credential, agentId)
                    : authenticator.requireAny(credential);
            case ADMIN -> authenticator.requireAdmin(credential);
            case AGENT_KEY -> authenticator.requireAgent(required(agentId), credential, false);
            case AGENT_KEY_OR_ADMIN -> authenticator.requireAgent(required(agentId), credential, true);
            case TENANT_OR_ADMIN -> authenticator.requireTenant(required(agentId), credential);
        };
    }

    private static boolean isRead(HttpServletRequest request) {
        return "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
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
