package io.govflow.flow.maintenance;

import java.util.List;

/** Every lock file and what a listing or cleanup found and did. */
public record LockReport(boolean dryRun, String checkedAt, List<LockFileStatus> locks) {

    public LockReport {
        locks = List.copyOf(locks);
    }

    public long count(String action) {
        return locks.stream().filter(l -> action.equals(l.action())).count();
    }

    public long held() {
        return locks.stream().filter(LockFileStatus::held).count();
    }

    public long orphans() {
        return locks.stream().filter(LockFileStatus::orphan).count();
    }
}
