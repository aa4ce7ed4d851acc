package io.govflow.web.mcp;

import java.util.List;

import io.govflow.web.auth.Access;
import io.govflow.web.export.ExportController;
import io.govflow.web.export.ExportRequest;
import io.govflow.web.export.ValidationRequest;
import io.govflow.web.limit.Quota;

import org.springframework.stereotype.Component;

/** History exports, export files and the export validator. */
@Component
class ExportTools implements ToolSet {

    private final ExportController exports;

    ExportTools(ExportController exports) {
        this.exports = exports;
    }

    @Override
    public List<GovflowTool> tools() {
        return List.of(
                GovflowTool.named("get_system_history", "GET /api/v1/agents/{id}/history")
                        .description("Every committed update of the agent, inline (json or csv); above 8 MiB use "
                                + "export_to_file or the REST download.")
                        .readOnly()
                        .params(ToolParam.agentId(), ToolParam.text("format", "json (default) or csv"))
                        .handler(call -> exports.history(call.agentId(), call.text("format"))),
                GovflowTool.named("export_to_file", "POST /api/v1/agents/{id}/exports")
                        .description("Write the agent's history (json or csv) or a complete package (json) to a "
                                + "file of the data directory.")
                        .access(Access.Level.AGENT_KEY_OR_ADMIN).params(ToolParam.agentId())
                        .body(ExportRequest.class)
                        .quota(Quota.EXPORTS)
                        .handler(call -> exports.export(call.agentId(), call.body(ExportRequest.class),
                                call.request())),
                GovflowTool.named("list_exports", "GET /api/v1/exports")
                        .description("The caller's export files (the admin: every file), filtered by agent and by "
                                + "kind (history or package), a page at a time.")
                        .readOnly()
                        .params(ToolParam.text("agent_id", "Only files of this agent"),
                                ToolParam.text("kind", "history or package"),
                                ToolParam.integer("page", "0-based page (default 0)"),
                                ToolParam.integer("size", "Page size, 1 to " + ExportController.MAX_PAGE_SIZE
                                        + " (default 100)"))
                        .handler(this::list),
                GovflowTool.named("validate_exports", "POST /api/v1/exports/validation")
                        .description("Check every export file (or one) as a self-contained document.")
                        .readOnly().body(ValidationRequest.class)
                        .handler(call -> exports.validate(call.body(ValidationRequest.class), call.request())));
    }

    private Object list(ToolCall call) {
        return exports.list(call.text("agent_id"), call.text("kind"), call.page(),
                call.size(ExportController.MAX_PAGE_SIZE, 100), call.request());
    }
}
