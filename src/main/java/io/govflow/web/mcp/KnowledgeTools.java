package io.govflow.web.mcp;

import java.util.List;
import java.util.Map;

import io.govflow.web.knowledge.DiscoveryStatusRequest;
import io.govflow.web.knowledge.KnowledgeController;
import io.govflow.web.knowledge.StoreDiscoveryRequest;
import io.govflow.web.limit.Quota;

import org.springframework.stereotype.Component;

/** The knowledge graph of discoveries. */
@Component
class KnowledgeTools implements ToolSet {

    private static final ToolParam DISCOVERY_ID = ToolParam.requiredText("discovery_id",
            "The discovery's id (the timestamp it was recorded at)");
    private static final ToolParam LIMIT = ToolParam.integer("limit", "1 to 100");

    private final KnowledgeController knowledge;

    KnowledgeTools(KnowledgeController knowledge) {
        this.knowledge = knowledge;
    }

    @Override
    public List<GovflowTool> tools() {
        return List.of(
                GovflowTool.named("store_knowledge_graph", "POST /api/v1/discoveries")
                        .description("Record a discovery of agent_id; needs that agent's key.")
                        .body(StoreDiscoveryRequest.class).aliases(Map.of("discovery_type", "type"))
                        .quota(Quota.DISCOVERIES)
                        .handler(call -> knowledge.store(call.request(),
                                call.requiredBody(StoreDiscoveryRequest.class))),
                GovflowTool.named("search_knowledge_graph", "GET /api/v1/discoveries")
                        .description("Discoveries matching every filter given, newest first, or ranked by relevance "
                                + "with q.")
                        .readOnly()
                        .params(ToolParam.text("agent_id", "Only discoveries of this agent"),
                                new ToolParam("tags", "array", "Every tag must be present", false, null),
                                ToolParam.text("discovery_type", "bug_found, insight, pattern, ..."),
                                ToolParam.text("severity", "low, medium, high or critical"),
                                ToolParam.text("status", "open, resolved, archived or disputed"),
                                ToolParam.text("q", "Query words (relevance ranking)"), LIMIT)
                        .handler(call -> knowledge.search(call.text("agent_id"), call.textList("tags"),
                                call.text("discovery_type"), call.text("severity"), call.text("status"),
                                call.text("q"), call.integer("limit"))),
                GovflowTool.named("get_knowledge_graph", "GET /api/v1/agents/{id}/discoveries")
                        .description("The agent's discoveries in the order they were recorded.")
                        .readOnly().params(ToolParam.agentId(), LIMIT)
                        .handler(call -> knowledge.listForAgent(call.agentId(), call.integer("limit"))),
                GovflowTool.named("list_knowledge_graph", "GET /api/v1/discoveries/stats")
                        .description("Totals of discoveries, tags and agents; counts by agent, type, status and "
                                + "severity.")
                        .readOnly().handler(call -> knowledge.stats()),
                GovflowTool.named("update_discovery_status_graph", "PATCH /api/v1/discoveries/{did}")
                        .description("Change a discovery's status (the owner's key or the admin token).")
                        .params(DISCOVERY_ID).body(DiscoveryStatusRequest.class)
                        .handler(call -> knowledge.updateStatus(call.request(), call.requiredText("discovery_id"),
                                call.requiredBody(DiscoveryStatusRequest.class))),
                GovflowTool.named("find_similar_discoveries_graph", "GET /api/v1/discoveries/{did}/similar")
                        .description("Discoveries sharing the most tags with this one.")
                        .readOnly().params(DISCOVERY_ID, LIMIT)
                        .handler(call -> knowledge.similar(call.requiredText("discovery_id"),
                                call.integer("limit"))));
    }
}
