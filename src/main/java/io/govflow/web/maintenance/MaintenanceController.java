package io.govflow.web.maintenance;

import static io.govflow.error.ErrorCode.AGENT_EXISTS;
import static io.govflow.error.ErrorCode.AGENT_NOT_FOUND;
import static io.govflow.error.ErrorCode.FILE_STORE_ONLY;
import static io.govflow.error.ErrorCode.INVALID_AGENT_ID;
import static io.govflow.error.ErrorCode.METADATA_CORRUPT;
import static io.govflow.error.ErrorCode.STATE_CORRUPT;
import static io.govflow.error.ErrorCode.STORAGE_ERROR;
import static io.govflow.error.ErrorCode.STORE_READ_ONLY;

import io.govflow.flow.maintenance.LockMaintenance;
import io.govflow.flow.migration.OrphanAdoption;
import io.govflow.flow.migration.ReferenceMigration;
import io.govflow.web.agent.KeyResponse;
import io.govflow.web.auth.Access;
import io.govflow.web.config.ApiErrors;
import io.govflow.web.config.ApiTags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Operator maintenance (admin token): reference migration, orphan adoption, lock files. */
@RestController
@RequestMapping(path = "/api/v1/maintenance", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = ApiTags.MAINTENANCE)
public class MaintenanceController {

    private final ReferenceMigration migration;
    private final OrphanAdoption adoption;
    private final LockMaintenance lockMaintenance;

    public MaintenanceController(ReferenceMigration migration, OrphanAdoption adoption,
            LockMaintenance lockMaintenance) {
        this.migration = migration;
        this.adoption = adoption;
        this.lockMaintenance = lockMaintenance;
    }

    @PostMapping(path = "/migrate", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Access(Access.Level.ADMIN)
    @Operation(operationId = "migrate", summary = "Migrate a reference data directory in place",
            description = "Moves legacy state files into agents/, synthesizes update logs from state arrays and "
                    + "hashes plaintext keys in the metadata, exports/, backups/ and archives/. Idempotent; start-up "
                    + "runs it too. With dry_run nothing is written. Lists STATE_MISSING, ORPHAN_STATE and "
                    + "HISTORY_INCOMPLETE warnings per agent. File store only (FILE_STORE_ONLY on PostgreSQL).")
    @ApiErrors({ STORE_READ_ONLY, FILE_STORE_ONLY })
    public MigrationResponse migrate(@Valid @RequestBody(required = false) @Nullable DryRunRequest body) {
        return MigrationResponse.of(migration.migrate(DryRunRequest.of(body)));
    }

    @PostMapping(path = "/adopt", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Access(Access.Level.ADMIN)
    @Operation(operationId = "adoptOrphan", summary = "Register an orphan state file as an agent",
            description = "Creates the metadata record (status active, total_updates from the state) and returns a "
                    + "new api_key once. The state file is kept as it is. File store only (FILE_STORE_ONLY on "
                    + "PostgreSQL).")
    @ApiErrors(value = { INVALID_AGENT_ID, AGENT_EXISTS, AGENT_NOT_FOUND, STATE_CORRUPT,
            METADATA_CORRUPT, FILE_STORE_ONLY }, writes = true)
    @ResponseStatus(HttpStatus.CREATED)
    public KeyResponse adopt(@Valid @RequestBody AdoptRequest body) {
        return KeyResponse.of(adoption.adopt(body.agentId()));
    }

    @GetMapping("/locks")
    @Access(Access.Level.ADMIN)
    @Operation(operationId = "listLocks", summary = "Lock files: held or not, orphan or not, age",
            description = "Each lock is probed with a non-blocking try; nothing waits and nothing is removed. "
                    + "File store only (FILE_STORE_ONLY on PostgreSQL, whose locks are the database's).")
    @ApiErrors({ STORAGE_ERROR, FILE_STORE_ONLY })
    public LocksResponse locks() {
        return LocksResponse.of(lockMaintenance.list());
    }

    @PostMapping(path = "/locks/cleanup", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Access(Access.Level.ADMIN)
    @Operation(operationId = "cleanupLocks", summary = "Remove orphan lock files nobody holds",
            description = "A lock file is removed only while this service holds its lock and only if it protects "
                    + "no data; held locks are never touched. File store only (FILE_STORE_ONLY on PostgreSQL).")
    @ApiErrors({ STORE_READ_ONLY, STORAGE_ERROR, FILE_STORE_ONLY })
    public LocksResponse cleanupLocks(@Valid @RequestBody(required = false) @Nullable DryRunRequest body) {
        return LocksResponse.of(lockMaintenance.cleanup(DryRunRequest.of(body)));
    }
}
