package io.govflow.web.limit;

import java.util.LinkedHashMap;
import java.util.Map;

import io.govflow.error.ErrorCode;
import io.govflow.error.GovflowException;
import io.govflow.flow.auth.Caller;
import io.govflow.web.auth.Access;
import io.govflow.web.auth.AuthInterceptor;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Runs after {@link AuthInterceptor}: counts the request against the handler's {@link RateLimited} quota (or
 * {@link Quota#REQUESTS}), per agent or client address, answers {@code RateLimit} and {@code RateLimit-Policy} on
 * every counted request, and refuses with {@code RATE_LIMITED} and Retry-After when the bucket is empty. Anonymous
 * handlers and the admin token are not counted.
 */
@Component
public class RateLimitInterceptor implements HandlerInterceptor {

    public static final String POLICY_HEADER = "RateLimit-Policy";
    public static final String STATE_HEADER = "RateLimit";

    private final RateLimits limits;
    private final ClientAddresses addresses;

    public RateLimitInterceptor(RateLimits limits, ClientAddresses addresses) {
        this.limits = limits;
        this.addresses = addresses;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        Access access = method.getMethodAnnotation(Access.class);
        if (access == null || access.value() == Access.Level.ANONYMOUS) {
            return true;
        }
        Caller caller = request.getAttribute(AuthInterceptor.CALLER) instanceof Caller c ? c : null;
        RateLimited declared = method.getMethodAnnotation(RateLimited.class);
        count(declared != null ? declared.value() : Quota.REQUESTS, caller, request, response);
        return true;
    }

    /**
     * Counts one authenticated call against {@code quota} (the admin token is not counted); also for calls that
     * reach no handler method (MCP tools, whose transport answer carries no rate-limit headers).
     */
    public void count(Quota quota, @Nullable Caller caller, HttpServletRequest request,
            @Nullable HttpServletResponse response) {
        if (caller != null && caller.admin()) {
            return;
        }
        take(quota, key(quota, caller, request), response);
    }

    /** Counts one request against an address quota (registration, failed authentication) and answers for it. */
    public void takeForAddress(Quota quota, HttpServletRequest request, @Nullable HttpServletResponse response) {
        take(quota, addresses.of(request), response);
    }

    private void take(Quota quota, String key, @Nullable HttpServletResponse response) {
        RateLimits.Decision decision = limits.take(quota, key);
        if (response != null) {
            response.setHeader(POLICY_HEADER, decision.policyHeader());
            response.setHeader(STATE_HEADER, decision.stateHeader());
        }
        if (!decision.allowed()) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("quota", quota.wire());
            details.put("limit", decision.capacity());
            details.put("window_seconds", decision.windowSeconds());
            details.put("retry_after_seconds", decision.retryAfterSeconds());
            throw GovflowException.retryAfter(ErrorCode.RATE_LIMITED, decision.retryAfterSeconds(), details);
        }
    }

    private String key(Quota quota, @Nullable Caller caller, HttpServletRequest request) {
        if (quota.scope() == Quota.Scope.CALLER && caller != null && caller.agentId() != null) {
            return caller.agentId();
        }
        return addresses.of(request);
    }
}
