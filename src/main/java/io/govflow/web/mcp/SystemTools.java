package io.govflow.web.mcp;

import java.util.List;
import java.util.Map;

import io.govflow.web.auth.Access;
import io.govflow.web.maintenance.DryRunRequest;
import io.govflow.web.maintenance.MaintenanceController;
import io.govflow.web.thresholds.ThresholdsController;
import io.govflow.web.thresholds.ThresholdsRequest;

import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.stereotype.Component;

/** Thresholds, health and lock maintenance. */
@Component
class SystemTools implements ToolSet {

    private final ThresholdsController thresholds;
    private final MaintenanceController maintenance;
    private final HealthEndpoint health;

    SystemTools(ThresholdsController thresholds, MaintenanceController maintenance, HealthEndpoint health) {
        this.thresholds = thresholds;
        this.maintenance = maintenance;
        this.health = health;
    }

    @Override
    public List<GovflowTool> tools() {
        return List.of(
                GovflowTool.named("get_thresholds", "GET /api/v1/config/thresholds")
                        .description("The four thresholds every decision uses and where they come from.")
                        .readOnly().handler(call -> thresholds.get()),
                GovflowTool.named("set_thresholds", "PUT /api/v1/config/thresholds")
                        .description("Replace all four thresholds (the admin token).")
                        .access(Access.Level.ADMIN).body(ThresholdsRequest.class)
                        .handler(call -> thresholds.put(call.requiredBody(ThresholdsRequest.class))),
                GovflowTool.named("health_check", "GET /actuator/health")
                        .description("The service's health: UP when the data directory can be read and written.")
                        .access(Access.Level.ANONYMOUS).readOnly()
                        // the status only, as GET /actuator/health answers anyone: details name paths of the host
                        .handler(call -> Map.of("status", health.health().getStatus().getCode())),
                GovflowTool.named("cleanup_stale_locks", "POST /api/v1/maintenance/locks/cleanup")
                        .description("Remove lock files that protect no data (the admin token); dry_run first.")
                        .access(Access.Level.ADMIN).body(DryRunRequest.class)
                        .handler(call -> maintenance.cleanupLocks(call.body(DryRunRequest.class))));
    }
}
