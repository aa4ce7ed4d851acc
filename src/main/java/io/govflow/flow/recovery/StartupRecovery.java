package io.govflow.flow.recovery;

import java.util.concurrent.atomic.AtomicInteger;

import io.govflow.error.GovflowException;
import io.govflow.flow.migration.ReferenceMigration;
import io.govflow.flow.update.Checkpoints;
import io.govflow.store.agent.MetadataStore;
import io.govflow.store.io.StoreHealth;
import io.govflow.store.io.TempFileSweeper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Runs before the web server accepts requests: removes temp files left by dead processes, migrates a reference
 * data directory in place (idempotent: nothing to do once done), and rolls every agent's checkpoints forward to
 * its update log. A damaged agent is reported and skipped, never reset. On PostgreSQL the data directory holds no
 * agent data: the reference migration does nothing there (a reference directory is imported into the database by
 * the command line), the roll-forward works on the database's rows.
 */
@Component
public class StartupRecovery implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(StartupRecovery.class);

    private final TempFileSweeper sweeper;
    private final MetadataStore metadata;
    private final Checkpoints checkpoints;
    private final ReferenceMigration migration;
    private final StoreHealth storeHealth;

    public StartupRecovery(TempFileSweeper sweeper, MetadataStore metadata, Checkpoints checkpoints,
            ReferenceMigration migration, StoreHealth storeHealth) {
        this.sweeper = sweeper;
        this.metadata = metadata;
        this.checkpoints = checkpoints;
        this.migration = migration;
        this.storeHealth = storeHealth;
    }

    @Override
    public void afterPropertiesSet() {
        if (storeHealth.readOnly()) {
            // a failed fsync latched the data directory: recovery writes, so it waits for the next start
            log.error("start-up recovery skipped: the data directory is read-only ({} exists); check the disk, "
                    + "remove it and restart", StoreHealth.MARKER);
            return;
        }
        int removed = sweeper.sweep();
        migrateReferenceData();
        java.util.Set<String> agentIds;
        try {
            agentIds = metadata.readAll().keySet();
        } catch (GovflowException e) {
            log.error("start-up roll-forward skipped: metadata unreadable, error_code={}", e.code());
            return;
        }
        // agents are independent (each under its own lock): use every core, start-up is mostly this loop
        AtomicInteger rolled = new AtomicInteger();
        AtomicInteger damaged = new AtomicInteger();
        agentIds.parallelStream().forEach(agentId -> {
            try {
                if (checkpoints.rollForward(agentId)) {
                    rolled.incrementAndGet();
                }
            } catch (GovflowException e) {
                damaged.incrementAndGet();
                log.warn("start-up roll-forward skipped agent_id={} error_code={}", agentId, e.code());
            }
        });
        log.info("start-up recovery: temp_files_removed={} agents_rolled_forward={} agents_damaged={}", removed,
                rolled, damaged);
    }

    /** Before the roll-forward, which reads the update logs migration synthesizes. */
    private void migrateReferenceData() {
        try {
            migration.migrateAtStartup();
        } catch (GovflowException e) {
            log.error("start-up migration skipped, error_code={}", e.code());
        }
    }
}
