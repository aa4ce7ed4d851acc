package io.govflow.durability.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.govflow.support.ApiClient;
import io.govflow.support.ApiClient.Reply;
import io.govflow.support.DataDirChecks;
import io.govflow.support.SecretLedger;
import io.govflow.support.StoreInvariants;

/** What every harness passes to the services it starts, and the checks of a recovered data directory. */
public final class Harness {

    /** The admin token of harness services (the consistency endpoint needs it); never in any output. */
    public static final String ADMIN_TOKEN = "harness-admin-token-5e0c93a1";

    static {
        SecretLedger.configured(ADMIN_TOKEN);
    }

    private Harness() {
    }

    /**
     * Loop detection and the discovery rate limit off (the load is deliberately repetitive), reviewers that need no
     * age or history (the workloads' agents are seconds old), the admin token, and {@code extra}.
     */
    public static String[] serviceArgs(String... extra) {
        List<String> args = new ArrayList<>(List.of("--govflow.governance.loop-detection=false",
                "--govflow.knowledge.max-stores-per-hour=1000000", "--govflow.dialectic.reviewer-min-age=0s",
                "--govflow.dialectic.reviewer-min-updates=0", "--govflow.security.admin-token=" + ADMIN_TOKEN));
        args.addAll(Arrays.asList(extra));
        return args.toArray(String[]::new);
    }

    /**
     * A data directory after recovery, with a service running on it: no temp file but young orphans of writers
     * that died ({@link DataDirChecks#assertNoTempFilesExceptYoungOrphans}), every JSON file parses, the
     * commit invariants hold, the consistency endpoint reports no error, every acknowledged write is there, and
     * no credential is in any file.
     */
    public static void verifyRecovered(Path dataDir, ApiClient service, List<Workload.Check> acknowledged) {
        DataDirChecks.assertNoTempFilesExceptYoungOrphans(dataDir);
        DataDirChecks.assertJsonFilesParse(dataDir);
        new StoreInvariants(dataDir).assertHold();
        assertConsistent(service);
        for (Workload.Check check : acknowledged) {
            check.verify(dataDir, service);
        }
        SecretLedger.assertAbsentUnder(dataDir);
    }

    /** {@code GET /api/v1/consistency}: no problem of severity error (warnings are allowed). */
    public static void assertConsistent(ApiClient service) {
        Reply report = service.get("/api/v1/consistency", ADMIN_TOKEN);
        assertThat(report.status()).as(report.raw()).isEqualTo(200);
        assertThat(report.body().get("totals").get("errors").asLong()).as("consistency report: %s", report.raw())
                .isZero();
    }
}
