package io.govflow.web.mcp;

import java.util.List;

import io.govflow.web.auth.Access;
import io.govflow.web.update.UpdateController;
import io.govflow.web.update.UpdateRequest;

import org.springframework.stereotype.Component;

/** The update flow: updates, simulations, current metrics. */
@Component
class UpdateTools implements ToolSet {

    private final UpdateController updates;

    UpdateTools(UpdateController updates) {
        this.updates = updates;
    }

    @Override
    public List<GovflowTool> tools() {
        return List.of(
                GovflowTool.named("process_agent_update", "POST /api/v1/agents/{id}/updates")
                        .description("One governance cycle for the agent, durable before the answer: the decision "
                                + "(proceed or pause), the EISV metrics and the health status. Needs the agent's key "
                                + "(api_key or Authorization: Bearer). Without any credential, for an agent that does "
                                + "not exist yet and while open registration is on, the agent is registered first and "
                                + "its new key is returned once under registration.api_key: that key then sits in "
                                + "this conversation's transcript, so prefer registering over REST and passing the "
                                + "key out of band.")
                        .access(Access.Level.AGENT_KEY).registersUnknownAgent()
                        .params(ToolParam.agentId(), ToolParam.text("idempotency_key", "Optional; a retry with the "
                                + "same key returns the original result (at most 128 printable ASCII characters)"))
                        .body(UpdateRequest.class)
                        .handler(call -> updates.update(call.agentId(), call.text("idempotency_key"),
                                call.body(UpdateRequest.class))),
                GovflowTool.named("simulate_update", "POST /api/v1/agents/{id}/simulations")
                        .description("The decision an update would get, computed without changing anything.")
                        .readOnly().params(ToolParam.agentId()).body(UpdateRequest.class)
                        .handler(call -> updates.simulate(call.agentId(), call.body(UpdateRequest.class))),
                GovflowTool.named("get_governance_metrics", "GET /api/v1/agents/{id}/metrics")
                        .description("The agent's current EISV state, attention, verdict, health status and decision "
                                + "counts; changes nothing.")
                        .readOnly().params(ToolParam.agentId())
                        .handler(call -> updates.metrics(call.agentId())));
    }
}
