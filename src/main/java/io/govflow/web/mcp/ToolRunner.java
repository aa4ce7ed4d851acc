package io.govflow.web.mcp;

import java.util.LinkedHashMap;
import java.util.Map;

import io.govflow.error.ErrorCode;
import io.govflow.error.GovflowException;
import io.govflow.flow.auth.Caller;
import io.govflow.web.agent.RegistrationResponse;
import io.govflow.web.auth.AuthInterceptor;
import io.govflow.web.auth.BearerCredentials;
import io.govflow.web.error.ErrorEnvelope;
import io.govflow.web.error.ErrorEnvelopes;
import io.govflow.web.error.RequestIds;
import io.govflow.web.limit.Quota;
import io.govflow.web.limit.RateLimitInterceptor;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.validation.Validator;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs one tool call as its REST endpoint would run: the credential (the {@code api_key} argument, else the
 * bearer header of the MCP request), the endpoint's access check, then the handler. The answer is the REST body
 * as structured content with a JSON text rendering; a failure is a tool error carrying the standard envelope.
 */
@Component
class ToolRunner {

    private final AuthInterceptor access;
    private final RateLimitInterceptor rateLimits;
    private final FirstUpdateRegistration registration;
    private final JsonMapper json;
    private final Validator validator;

    ToolRunner(AuthInterceptor access, RateLimitInterceptor rateLimits, FirstUpdateRegistration registration,
            JsonMapper json, Validator validator) {
        this.access = access;
        this.rateLimits = rateLimits;
        this.registration = registration;
        this.json = json;
        this.validator = validator;
    }

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    CallToolResult run(GovflowTool tool, McpTransportContext context, CallToolRequest request) {
        HttpServletRequest http = McpRequests.http(context);
        try {
            Map<String, Object> arguments = request.arguments() == null ? Map.of() : request.arguments();
            ToolCall call = new ToolCall(tool, arguments, http, json, validator);
            String agentId = tool.takesAgentId() ? call.agentId() : null;
            String credential = credential(call, http);
            RegistrationResponse registered = null;
            if (tool.registersUnknownAgent() && credential == null && agentId != null
                    && registration.isUnknown(agentId)) {
                rateLimits.takeForAddress(Quota.REGISTRATION, http, null);
                registered = registration.register(agentId, http);
                credential = registered.apiKey();
            }
            Caller caller = authorize(tool, agentId, credential, http);
            if (caller != null) {
                http.setAttribute(AuthInterceptor.CALLER, caller);
                rateLimits.count(tool.quota(), caller, http, null);
            }
            Object body = tool.handler().handle(call);
            return success(registered == null ? body : withRegistration(body, registered));
        } catch (Exception e) {
            return failure(ErrorEnvelopes.of(e, RequestIds.of(http)));
        }
    }

    /** The endpoint's access check, a refused credential counted per client address as over REST. */
    private @Nullable Caller authorize(GovflowTool tool, @Nullable String agentId, @Nullable String credential,
            HttpServletRequest http) {
        try {
            return access.authorize(tool.access(), agentId, credential);
        } catch (GovflowException e) {
            if (e.code() == ErrorCode.AUTHENTICATION_FAILED) {
                rateLimits.takeForAddress(Quota.FAILED_AUTHENTICATIONS, http, null);
            }
            throw e;
        }
    }

    /** The {@code api_key} argument (the reference's way), else {@code Authorization: Bearer}. */
    static @Nullable String credential(ToolCall call, HttpServletRequest http) {
        String key = call.text(ToolCall.API_KEY);
        return key != null && !key.isBlank() ? key : BearerCredentials.from(http);
    }

    /** The update's answer with the registration that preceded it: the one tool result that carries a key. */
    private Map<String, Object> withRegistration(Object body, RegistrationResponse registered) {
        Map<String, Object> merged = new LinkedHashMap<>(json.convertValue(body, MAP));
        merged.put("registration", registered);
        return merged;
    }

    CallToolResult success(Object body) {
        Map<?, ?> structured = json.convertValue(body, Map.class);
        return CallToolResult.builder().structuredContent(structured).addTextContent(json.writeValueAsString(structured))
                .isError(false).build();
    }

    CallToolResult failure(ErrorEnvelope envelope) {
        Map<?, ?> structured = json.convertValue(envelope, Map.class);
        return CallToolResult.builder().structuredContent(structured).addTextContent(json.writeValueAsString(structured))
                .isError(true).build();
    }
}
