package io.govflow.web.maintenance;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.govflow.flow.maintenance.LockFileStatus;
import io.govflow.flow.maintenance.LockReport;
import org.jspecify.annotations.Nullable;

/** Lock files: held or not, orphan or not, age, and what a cleanup did with each. */
@JsonPropertyOrder({ "success", "dry_run", "checked_at", "locks", "totals" })
public record LocksResponse(boolean success, boolean dryRun, String checkedAt, List<Lock> locks, Totals totals) {

    /** One lock file. */
    @JsonPropertyOrder({ "file", "kind", "id", "held", "orphan", "age_seconds", "action" })
    public record Lock(String file, String kind, @Nullable String id, boolean held, boolean orphan, long ageSeconds,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String action) {

        static Lock of(LockFileStatus s) {
            return new Lock(s.file(), s.kind(), s.id(), s.held(), s.orphan(), s.ageSeconds(), s.action());
        }
    }

    /** Counts over the report. */
    @JsonPropertyOrder({ "files", "held", "orphans", "removed", "would_remove" })
    public record Totals(int files, long held, long orphans, long removed, long wouldRemove) {
    }

    static LocksResponse of(LockReport report) {
        return new LocksResponse(true, report.dryRun(), report.checkedAt(),
                report.locks().stream().map(Lock::of).toList(), new Totals(report.locks().size(), report.held(),
                        report.orphans(), report.count(LockFileStatus.REMOVED),
                        report.count(LockFileStatus.WOULD_REMOVE)));
    }
}
