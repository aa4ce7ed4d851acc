package io.govflow.web.mcp;

import java.util.List;

import io.govflow.flow.agent.AgentIds;
import io.govflow.web.auth.Access;
import io.govflow.web.dialectic.AntithesisRequest;
import io.govflow.web.dialectic.DialecticController;
import io.govflow.web.dialectic.ReviewRequest;
import io.govflow.web.dialectic.SynthesisRequest;
import io.govflow.web.dialectic.ThesisRequest;
import io.govflow.web.limit.Quota;

import org.springframework.stereotype.Component;

/** Dialectic review: the session, its three steps, reads and self-recovery. */
@Component
class DialecticTools implements ToolSet {

    private static final ToolParam SESSION_ID = ToolParam.requiredText("session_id", "The session's id");
    private static final ToolParam ACTING_AGENT = ToolParam.text("agent_id",
            "Accepted for the reference's clients; the credential decides who acts");

    private final DialecticController dialectic;

    DialecticTools(DialecticController dialectic) {
        this.dialectic = dialectic;
    }

    @Override
    public List<GovflowTool> tools() {
        return List.of(
                GovflowTool.named("request_dialectic_review", "POST /api/v1/dialectic/sessions")
                        .description("Start a review of the paused agent agent_id (its key); a reviewer is chosen.")
                        .body(ReviewRequest.class)
                        .quota(Quota.REVIEW_SESSIONS)
                        .handler(call -> dialectic.create(call.request(), call.requiredBody(ReviewRequest.class))),
                GovflowTool.named("submit_thesis", "POST /api/v1/dialectic/sessions/{sid}/thesis")
                        .description("The paused agent's step (its key).")
                        .params(SESSION_ID, ACTING_AGENT).body(ThesisRequest.class)
                        .handler(call -> dialectic.thesis(call.request(), call.requiredText("session_id"),
                                call.requiredBody(ThesisRequest.class))),
                GovflowTool.named("submit_antithesis", "POST /api/v1/dialectic/sessions/{sid}/antithesis")
                        .description("The reviewer's step (its key).")
                        .params(SESSION_ID, ACTING_AGENT).body(AntithesisRequest.class)
                        .handler(call -> dialectic.antithesis(call.request(), call.requiredText("session_id"),
                                call.requiredBody(AntithesisRequest.class))),
                GovflowTool.named("submit_synthesis", "POST /api/v1/dialectic/sessions/{sid}/synthesis")
                        .description("Either participant's negotiation step; agreement resolves the session.")
                        .params(SESSION_ID, ACTING_AGENT).body(SynthesisRequest.class)
                        .handler(call -> dialectic.synthesis(call.request(), call.requiredText("session_id"),
                                call.requiredBody(SynthesisRequest.class))),
                GovflowTool.named("get_dialectic_session",
                        "GET /api/v1/dialectic/sessions/{sid} or GET /api/v1/agents/{id}/dialectic-sessions")
                        .description("One session by session_id, or every session of agent_id.")
                        .readOnly()
                        .params(ToolParam.text("session_id", "The session's id"),
                                ToolParam.text("agent_id", "The agent whose sessions to list"))
                        .handler(this::sessions),
                GovflowTool.named("self_recovery", "POST /api/v1/agents/{id}/self-recovery")
                        .description("The agent's thesis against a system antithesis from its metrics; resumes it "
                                + "when the merged conditions pass the hard limits and the resume checks.")
                        .access(Access.Level.AGENT_KEY).params(ToolParam.agentId()).body(ThesisRequest.class)
                        .handler(call -> dialectic.selfRecovery(call.agentId(), call.body(ThesisRequest.class))));
    }

    private Object sessions(ToolCall call) {
        String sessionId = call.text("session_id");
        if (sessionId != null) {
            return dialectic.get(sessionId);
        }
        String agentId = call.text("agent_id");
        if (agentId == null) {
            throw ToolCall.invalid("session_id", "is required (or agent_id)");
        }
        return dialectic.list(AgentIds.requireValid(agentId));
    }
}
