package io.govflow.web.thresholds;

import static io.govflow.error.ErrorCode.STORAGE_ERROR;

import io.govflow.flow.update.CurrentThresholds;
import io.govflow.web.auth.Access;
import io.govflow.web.config.ApiErrors;
import io.govflow.web.config.ApiTags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The runtime decision thresholds, persisted in {@code thresholds.json} and used by every decision. */
@RestController
@RequestMapping(path = "/api/v1/config/thresholds", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = ApiTags.CONFIGURATION)
public class ThresholdsController {

    private final CurrentThresholds thresholds;

    public ThresholdsController(CurrentThresholds thresholds) {
        this.thresholds = thresholds;
    }

    @GetMapping
    @Access(Access.Level.ANY_CREDENTIAL)
    @Operation(operationId = "getThresholds", summary = "The decision thresholds in force",
            description = "The four thresholds every decision uses, where they come from (defaults or "
                    + "thresholds.json) and when they were last replaced.")
    @ApiErrors({ STORAGE_ERROR })
    public ThresholdsResponse get() {
        return ThresholdsResponse.of(thresholds.setting());
    }

    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Access(Access.Level.ADMIN)
    @Operation(operationId = "setThresholds", summary = "Replace the decision thresholds",
            description = "All four values, each in [0, 1], approve below revise. Persisted and shared by every "
                    + "instance on the data directory; applies to the next decision.")
    @ApiErrors(writes = true)
    public ThresholdsResponse put(@Valid @RequestBody ThresholdsRequest body) {
        return ThresholdsResponse.of(thresholds.replace(body.riskApproveThreshold(), body.riskReviseThreshold(),
                body.coherenceCriticalThreshold(), body.voidThresholdInitial()));
    }
}
