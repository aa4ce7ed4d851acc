package io.govflow.web.mcp;

import java.util.List;
import java.util.Map;

import io.govflow.config.GovflowProperties;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.server.transport.DefaultServerTransportSecurityValidator;
import io.modelcontextprotocol.server.transport.HttpServletStatelessServerTransport;
import io.modelcontextprotocol.spec.McpSchema;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /mcp} on the application's port, when {@code govflow.mcp.enabled} (default on): the MCP SDK's stateless
 * Streamable HTTP transport (no server-side sessions, so any replica answers any request), the tools of every
 * {@link ToolSet} and the context documents as resources.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "govflow.mcp", name = "enabled", havingValue = "true", matchIfMissing = true)
class McpConfiguration {

    static final String ENDPOINT = "/mcp";
    static final String SERVER_NAME = "govflow";

    @Bean
    JacksonMcpJsonMapper mcpJsonMapper() {
        return JsonRpcErrors.mapper();
    }

    /**
     * The transport and the server on it, as one bean that is not a servlet: Spring Boot would register a servlet
     * bean by itself at the root path; the transport is registered at {@code /mcp} only, through {@link McpServlet}.
     */
    @Bean(destroyMethod = "close")
    McpEndpoint mcpEndpoint(JacksonMcpJsonMapper mcpJsonMapper, GovflowProperties properties,
            List<ToolSet> toolSets, ToolRunner runner, JsonMapper json, ContextResources resources) {
        GovflowProperties.Mcp mcp = properties.mcp();
        DefaultServerTransportSecurityValidator origins = DefaultServerTransportSecurityValidator.builder()
                .allowedOrigins(mcp.allowedOrigins()).allowedHosts(mcp.allowedHosts()).build();
        HttpServletStatelessServerTransport transport = HttpServletStatelessServerTransport.builder()
                .jsonMapper(mcpJsonMapper).messageEndpoint(ENDPOINT).contextExtractor(McpRequests::context)
                .securityValidator(origins)
                .maxRequestSize((int) Math.min(Integer.MAX_VALUE, properties.http().maxBody().toBytes())).build();
        List<SyncToolSpecification> tools = toolSets.stream().flatMap(set -> set.tools().stream())
                .map(tool -> new SyncToolSpecification(describe(tool, json),
                        (context, request) -> runner.run(tool, context, request)))
                .toList();
        McpStatelessSyncServer server = McpServer.sync(transport).jsonMapper(mcpJsonMapper)
                .serverInfo(SERVER_NAME, version())
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).resources(false, false).build())
                .instructions("Govflow governs AI agents: report each unit of work with process_agent_update "
                        + "and follow its decision (proceed or pause).")
                .immediateExecution(true).validateToolInputs(false)
                .addToolFilter((context, tool) -> !AbsentTools.isAbsent(tool.name()))
                .tools(tools)
                .resourceTemplates(resources.template())
                .build();
        return new McpEndpoint(transport, server);
    }

    @Bean
    ServletRegistrationBean<McpServlet> mcpServlet(McpEndpoint mcpEndpoint, JacksonMcpJsonMapper mcpJsonMapper) {
        ServletRegistrationBean<McpServlet> registration = new ServletRegistrationBean<>(
                new McpServlet(mcpEndpoint.transport(), mcpJsonMapper), ENDPOINT);
        registration.setName("mcp");
        return registration;
    }

    /** The transport that {@code /mcp} hands requests to, and the server answering on it. */
    record McpEndpoint(HttpServletStatelessServerTransport transport, McpStatelessSyncServer server)
            implements AutoCloseable {

        @Override
        public void close() {
            server.close();
        }
    }

    private static McpSchema.Tool describe(GovflowTool tool, JsonMapper json) {
        return McpSchema.Tool.builder().name(tool.name()).description(tool.description() + " (REST: " + tool.rest()
                        + ")")
                .inputSchema(ToolSchemas.input(tool, json))
                .annotations(new McpSchema.ToolAnnotations(null, tool.readOnly(), null, null, false, null))
                .meta(Map.of("govflow/rest", tool.rest()))
                .build();
    }

    private static String version() {
        String version = McpConfiguration.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
