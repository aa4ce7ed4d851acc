package io.govflow.store.postgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

import io.govflow.store.context.ContextChange;
import io.govflow.store.context.ContextRepository;
import io.govflow.store.context.ContextStore;
import io.govflow.store.io.AtomicFileWriter;
import io.govflow.store.io.DataDirectory;
import io.govflow.store.io.LockManager;
import io.govflow.store.io.SafeIds;
import io.govflow.store.io.StorageErrors;
import io.govflow.store.io.StoreHealth;
import io.govflow.store.io.StoreJson;

/** Context documents (current and previous copies, byte for byte) and manifests, between files and rows. */
final class ContextTransfer implements DocumentTransfer {

    private static final String WORKSPACE_PREFIX = "workspace_";

    private final PostgresDatabase db;
    private final PostgresContextStore rows;
    private final StoreJson json;

    ContextTransfer(PostgresDatabase db, PostgresContextStore rows, StoreJson json) {
        this.db = db;
        this.rows = rows;
        this.json = json;
    }

    @Override
    public String name() {
        return "context";
    }

    @Override
    public String importFrom(DataDirectory source) {
        ContextRepository files = files(source, new AtomicFileWriter(new StoreHealth()));
        int documents = 0;
        TreeSet<String> agents = agentsWithContext(source);
        for (String agentId : agents) {
            documents += copy(files, rows, agentId);
        }
        return documents + " documents of " + agents.size() + " agents";
    }

    @Override
    public String exportTo(DataDirectory target, AtomicFileWriter writer) {
        ContextRepository files = files(target, writer);
        List<String> agents = db.read(jdbc -> jdbc.queryForList(
                "SELECT agent_id FROM context_manifest ORDER BY agent_id", String.class));
        int documents = 0;
        for (String agentId : agents) {
            documents += copy(rows, files, agentId);
        }
        return documents + " documents of " + agents.size() + " agents";
    }

    /** The tenant's documents, previous copies and manifest from one store to the other; returns the documents. */
    private static int copy(ContextStore from, ContextStore to, String agentId) {
        List<String> types = from.storedTypes(agentId);
        var manifest = from.manifest(agentId);
        return to.change(agentId, (ContextChange change) -> {
            for (String type : types) {
                Optional<byte[]> previous = from.readPrevious(agentId, type);
                previous.ifPresent(bytes -> change.writePrevious(type, bytes));
                from.readDocument(agentId, type).ifPresent(bytes -> change.writeDocument(type, bytes));
            }
            change.writeManifest(manifest);
            return types.size();
        });
    }

    private ContextRepository files(DataDirectory dir, AtomicFileWriter writer) {
        LockManager locks = new LockManager(dir, Duration.ofSeconds(30), Duration.ofMillis(50));
        return new ContextRepository(dir, writer, locks, new StoreHealth(), json);
    }

    private static TreeSet<String> agentsWithContext(DataDirectory source) {
        TreeSet<String> ids = new TreeSet<>();
        Path workspace = source.root().resolve("workspace");
        if (!Files.isDirectory(workspace)) {
            return ids;
        }
        try (Stream<Path> dirs = Files.list(workspace)) {
            dirs.map(dir -> dir.getFileName().toString()).filter(name -> name.startsWith(WORKSPACE_PREFIX))
                    .map(name -> name.substring(WORKSPACE_PREFIX.length())).filter(SafeIds::isFileSafe)
                    .filter(id -> Files.isDirectory(source.contextDir(id))).forEach(ids::add);
        } catch (IOException e) {
            throw StorageErrors.readFailed("workspace directory", workspace, e);
        }
        return ids;
    }
}
