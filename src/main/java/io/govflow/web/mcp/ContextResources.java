package io.govflow.web.mcp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.govflow.error.ErrorCode;
import io.govflow.error.GovflowException;
import io.govflow.web.auth.Access;
import io.govflow.web.auth.AuthInterceptor;
import io.govflow.web.auth.BearerCredentials;
import io.govflow.web.context.ContextController;
import io.govflow.web.error.ErrorEnvelope;
import io.govflow.web.error.ErrorEnvelopes;
import io.govflow.web.error.RequestIds;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncResourceTemplateSpecification;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Context documents as MCP resources, {@code govflow://agents/{agent_id}/context/{type}}: read through the REST
 * read (summary view, fallbacks, redaction) with the REST access rule (the tenant's key or the admin token, from
 * {@code Authorization: Bearer}). A tenant lists its documents with the {@code list_context_documents} tool.
 */
@Component
class ContextResources implements ToolSet {

    static final String TEMPLATE = "govflow://agents/{agent_id}/context/{type}";

    private static final Pattern URI = Pattern.compile("govflow://agents/([^/?#]+)/context/([^/?#]+)");
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final ContextController context;
    private final AuthInterceptor access;
    private final JsonMapper json;

    ContextResources(ContextController context, AuthInterceptor access, JsonMapper json) {
        this.context = context;
        this.access = access;
        this.json = json;
    }

    SyncResourceTemplateSpecification template() {
        McpSchema.ResourceTemplate template = McpSchema.ResourceTemplate.builder().uriTemplate(TEMPLATE)
                .name("context").title("Context document")
                .description("A context document of an agent (summary view); needs that agent's key or the admin "
                        + "token as Authorization: Bearer")
                .mimeType("application/json").build();
        return new SyncResourceTemplateSpecification(template, this::read);
    }

    @Override
    public List<GovflowTool> tools() {
        return List.of(GovflowTool.named("list_context_documents", "GET /api/v1/agents/{id}/context")
                .description("The agent's context documents, each with the resource URI that reads it.")
                .access(Access.Level.TENANT_OR_ADMIN).readOnly().params(ToolParam.agentId())
                .handler(call -> withUris(call.agentId())));
    }

    private Map<String, Object> withUris(String agentId) {
        Map<String, Object> listing = new LinkedHashMap<>(json.convertValue(context.list(agentId), MAP));
        if (listing.get("documents") instanceof List<?> documents) {
            listing.put("documents", documents.stream().map(document -> {
                Map<String, Object> entry = new LinkedHashMap<>(json.convertValue(document, MAP));
                entry.put("uri", uri(agentId, String.valueOf(entry.get("t"))));
                return entry;
            }).toList());
        }
        return listing;
    }

    static String uri(String agentId, String type) {
        return "govflow://agents/" + agentId + "/context/" + type;
    }

    private McpSchema.ReadResourceResult read(McpTransportContext transport, McpSchema.ReadResourceRequest request) {
        HttpServletRequest http = McpRequests.http(transport);
        try {
            Matcher matcher = URI.matcher(request.uri());
            if (!matcher.matches()) {
                throw new GovflowException(ErrorCode.CONTEXT_NOT_FOUND);
            }
            String agentId = matcher.group(1);
            access.authorize(Access.Level.TENANT_OR_ADMIN, agentId, BearerCredentials.from(http));
            Object body = AgentTools.body(context.get(agentId, matcher.group(2), "summary", null));
            return new McpSchema.ReadResourceResult(List.of(new McpSchema.TextResourceContents(request.uri(),
                    "application/json", json.writeValueAsString(body))));
        } catch (Exception e) {
            ErrorEnvelope envelope = ErrorEnvelopes.of(e, RequestIds.of(http));
            int code = envelope.status() == 404 ? McpSchema.ErrorCodes.RESOURCE_NOT_FOUND
                    : McpSchema.ErrorCodes.INVALID_PARAMS;
            throw McpError.builder(code).message(envelope.error()).data(json.convertValue(envelope, MAP)).build();
        }
    }
}
