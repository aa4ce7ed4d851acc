package io.govflow.web.maintenance;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** An optional dry run: report what would be done, write nothing. */
@Schema(name = "DryRunRequest")
public record DryRunRequest(@Schema(example = "true") @Nullable Boolean dryRun) {

    static boolean of(@Nullable DryRunRequest body) {
        return body != null && Boolean.TRUE.equals(body.dryRun());
    }
}
