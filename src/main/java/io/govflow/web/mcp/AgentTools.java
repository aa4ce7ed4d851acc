package io.govflow.web.mcp;

import java.util.List;

import io.govflow.flow.agent.AgentListing;
import io.govflow.web.agent.AgentController;
import io.govflow.web.agent.AgentLifecycleController;
import io.govflow.web.agent.PatchAgentRequest;
import io.govflow.web.agent.ReasonRequest;
import io.govflow.web.agent.ResponseCompleteRequest;
import io.govflow.web.agent.ResumeRequest;
import io.govflow.web.auth.Access;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** Agent listing, metadata and lifecycle. */
@Component
class AgentTools implements ToolSet {

    private final AgentController agents;
    private final AgentLifecycleController lifecycle;

    AgentTools(AgentController agents, AgentLifecycleController lifecycle) {
        this.agents = agents;
        this.lifecycle = lifecycle;
    }

    @Override
    public List<GovflowTool> tools() {
        return List.of(
                GovflowTool.named("list_agents", "GET /api/v1/agents")
                        .description("Agents, newest last_update first, filtered by status and tag, a page at a time.")
                        .readOnly()
                        .params(ToolParam.text("status", "active, waiting_input, paused, archived or deleted"),
                                ToolParam.text("tag", "Only agents with this tag"),
                                ToolParam.integer("page", "0-based page (default 0)"),
                                ToolParam.integer("size", "Page size, 1 to " + AgentListing.MAX_SIZE + " (default 50)"))
                        .handler(this::list),
                GovflowTool.named("get_agent_metadata", "GET /api/v1/agents/{id}")
                        .description("The agent's record: status, tags, notes, lifecycle events, counts. Never its key.")
                        .readOnly().params(ToolParam.agentId())
                        .handler(call -> body(agents.get(call.agentId()))),
                GovflowTool.named("update_agent_metadata", "PATCH /api/v1/agents/{id}")
                        .description("Replace the tags or the notes, or append to the notes.")
                        .access(Access.Level.AGENT_KEY_OR_ADMIN).params(ToolParam.agentId())
                        .body(PatchAgentRequest.class)
                        .handler(call -> body(lifecycle.patch(call.agentId(), null,
                                call.requiredBody(PatchAgentRequest.class), call.request()))),
                GovflowTool.named("archive_agent", "POST /api/v1/agents/{id}/archive")
                        .description("Archive the agent; its next update resumes it.")
                        .access(Access.Level.AGENT_KEY_OR_ADMIN).params(ToolParam.agentId())
                        .body(ReasonRequest.class)
                        .handler(call -> body(lifecycle.archive(call.agentId(), call.body(ReasonRequest.class)))),
                GovflowTool.named("delete_agent", "DELETE /api/v1/agents/{id}")
                        .description("Soft delete after a backup of the metadata; agents tagged pioneer are protected. "
                                + "confirm must be true.")
                        .access(Access.Level.AGENT_KEY_OR_ADMIN)
                        .params(ToolParam.agentId(), new ToolParam("confirm", "boolean",
                                "Must be true: the deletion cannot be undone over MCP", true, null))
                        .handler(call -> {
                            call.requireTrue("confirm");
                            return lifecycle.delete(call.agentId());
                        }),
                GovflowTool.named("get_agent_api_key", "POST /api/v1/agents/{id}/api-key/rotate")
                        .description("Issues a new key for the agent and returns it once; the previous key stops "
                                + "working at once. Govflow stores only a hash, so an existing key cannot be shown "
                                + "again. The new key then sits in this conversation's transcript.")
                        .access(Access.Level.AGENT_KEY_OR_ADMIN).params(ToolParam.agentId())
                        .handler(call -> lifecycle.rotate(call.agentId())),
                GovflowTool.named("mark_response_complete", "POST /api/v1/agents/{id}/response-complete")
                        .description("The agent waits for input; its next update sets it active again.")
                        .access(Access.Level.AGENT_KEY_OR_ADMIN).params(ToolParam.agentId())
                        .body(ResponseCompleteRequest.class)
                        .handler(call -> body(lifecycle.responseComplete(call.agentId(),
                                call.body(ResponseCompleteRequest.class)))),
                GovflowTool.named("direct_resume_if_safe", "POST /api/v1/agents/{id}/resume")
                        .description("Resume a paused agent, only while its metrics are safe.")
                        .access(Access.Level.AGENT_KEY_OR_ADMIN).params(ToolParam.agentId())
                        .body(ResumeRequest.class)
                        .handler(call -> body(lifecycle.resume(call.request(), call.agentId(),
                                call.body(ResumeRequest.class)))));
    }

    private Object list(ToolCall call) {
        return lifecycle.list(call.text("status"), call.text("tag"), call.page(), call.size(AgentListing.MAX_SIZE, 50));
    }

    static Object body(ResponseEntity<?> response) {
        Object body = response.getBody();
        if (body == null) {
            throw new IllegalStateException("endpoint answered without a body");
        }
        return body;
    }
}
