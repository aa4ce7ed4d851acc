package io.govflow.web.mcp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.govflow.error.ErrorCode;
import io.govflow.error.GovflowException;
import io.govflow.web.auth.Access;

import org.springframework.stereotype.Component;

/**
 * Reference tools for features Govflow deliberately does not have. They are hidden from {@code tools/list}; a
 * call answers {@code TOOL_NOT_AVAILABLE} naming the alternative, so a migrated agent learns where to go.
 */
@Component
class AbsentTools implements ToolSet {

    private static final Map<String, String> ALTERNATIVES = alternatives();

    static boolean isAbsent(String toolName) {
        return ALTERNATIVES.containsKey(toolName);
    }

    @Override
    public List<GovflowTool> tools() {
        return ALTERNATIVES.entrySet().stream().map(entry -> GovflowTool.named(entry.getKey(), entry.getValue())
                .description("Not offered by Govflow: " + entry.getValue())
                .access(Access.Level.ANONYMOUS).readOnly()
                .handler(call -> {
                    throw GovflowException.withDetails(ErrorCode.TOOL_NOT_AVAILABLE,
                            Map.of("tool", entry.getKey(), "alternative", entry.getValue()), entry.getKey(),
                            entry.getValue());
                })).toList();
    }

    private static Map<String, String> alternatives() {
        Map<String, String> alternatives = new LinkedHashMap<>();
        String metrics = "read each agent with get_governance_metrics (GET /api/v1/agents/{id}/metrics)";
        alternatives.put("observe_agent", "use get_governance_metrics and get_system_history "
                + "(GET /api/v1/agents/{id}/metrics, GET /api/v1/agents/{id}/history)");
        alternatives.put("compare_agents", metrics);
        alternatives.put("detect_anomalies", metrics);
        alternatives.put("aggregate_metrics", "use the Prometheus metrics (GET /actuator/prometheus) or " + metrics);
        alternatives.put("archive_old_test_agents", "archive agents one by one with archive_agent "
                + "(POST /api/v1/agents/{id}/archive)");
        alternatives.put("reset_monitor", "nothing to reset: Govflow keeps no in-memory monitor apart from the "
                + "files (GET /api/v1/agents/{id}/metrics reads them)");
        alternatives.put("get_server_info", "use GET /actuator/info and health_check (GET /actuator/health)");
        alternatives.put("check_calibration", "calibration is not kept by Govflow");
        alternatives.put("update_calibration_ground_truth", "calibration is not kept by Govflow");
        alternatives.put("get_telemetry_metrics", "use the Prometheus metrics (GET /actuator/prometheus)");
        alternatives.put("get_tool_usage_stats", "use the Prometheus metrics (GET /actuator/prometheus)");
        alternatives.put("list_tools", "use the MCP method tools/list");
        alternatives.put("get_workspace_health", "use health_check (GET /actuator/health)");
        alternatives.put("smart_dialectic_review", "use request_dialectic_review and submit_thesis "
                + "(POST /api/v1/dialectic/sessions), or self_recovery (POST /api/v1/agents/{id}/self-recovery)");
        return alternatives;
    }
}
