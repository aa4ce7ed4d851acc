package io.govflow.store.postgres;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.govflow.error.ErrorCode;
import io.govflow.error.GovflowException;
import io.govflow.store.dialectic.DialecticSession;
import io.govflow.store.dialectic.SessionCodec;
import io.govflow.store.dialectic.SessionRepository;
import io.govflow.store.dialectic.SessionStore;
import io.govflow.store.io.AtomicFileWriter;
import io.govflow.store.io.AtomicJsonWriter;
import io.govflow.store.io.DataDirectory;
import io.govflow.store.io.LockManager;
import io.govflow.store.io.NoFollow;
import io.govflow.store.io.StorageErrors;
import io.govflow.store.io.StoreHealth;
import io.govflow.store.io.StoreJson;
import io.govflow.store.knowledge.KnowledgeGraph;
import io.govflow.store.knowledge.KnowledgeGraphCodec;
import io.govflow.store.knowledge.KnowledgeGraphRepository;
import io.govflow.store.knowledge.KnowledgeGraphStore;
import io.govflow.store.secret.ServerSecret;
import io.govflow.store.thresholds.ThresholdsFile;
import io.govflow.store.thresholds.ThresholdsRepository;

/**
 * The shared documents between files and rows: dialectic sessions (a damaged session file is reported, not
 * copied), the knowledge graph, the decision thresholds and the dialectic signing secret (so that the signatures
 * of moved sessions still verify; a database that already holds a different secret is refused).
 */
final class CollaborationTransfer implements DocumentTransfer {

    private final PostgresSessionStore sessions;
    private final PostgresKnowledgeGraphStore knowledge;
    private final PostgresThresholdsStore thresholds;
    private final PostgresDatabase db;
    private final SessionCodec sessionCodec;
    private final KnowledgeGraphCodec knowledgeCodec;
    private final StoreJson json;

    CollaborationTransfer(PostgresDatabase db, SessionCodec sessionCodec, KnowledgeGraphCodec knowledgeCodec,
            StoreJson json) {
        this.db = db;
        this.sessions = new PostgresSessionStore(db, sessionCodec, json);
        this.knowledge = new PostgresKnowledgeGraphStore(db, knowledgeCodec, json);
        this.thresholds = new PostgresThresholdsStore(db, json);
        this.sessionCodec = sessionCodec;
        this.knowledgeCodec = knowledgeCodec;
        this.json = json;
    }

    @Override
    public String name() {
        return "sessions, knowledge graph, thresholds and signing secret";
    }

    @Override
    public String importFrom(DataDirectory source) {
        Files files = new Files(source, new AtomicFileWriter(new StoreHealth()));
        int copied = 0;
        int damaged = 0;
        for (SessionStore.ScannedSession scanned : files.sessions().scan()) {
            if (scanned.session() == null || scanned.damaged()) {
                damaged++;
            } else {
                sessions.write(scanned.session());
                copied++;
            }
        }
        KnowledgeGraph graph = files.knowledge().read();
        knowledge.update(current -> new KnowledgeGraphStore.Change<>(graph, null));
        Optional<ThresholdsFile> limits = files.thresholds().read();
        limits.ifPresent(value -> thresholds.update(current -> Optional.of(value)));
        boolean secret = importSecret(source);
        return copied + " sessions (" + damaged + " damaged, not copied), " + graph.nodes().size()
                + " discoveries, thresholds " + (limits.isPresent() ? "set" : "default") + ", signing secret "
                + (secret ? "copied" : "none");
    }

    @Override
    public String exportTo(DataDirectory target, AtomicFileWriter writer) {
        Files files = new Files(target, writer);
        int count = 0;
        for (DialecticSession session : sessions.list()) {
            files.sessions().write(session);
            count++;
        }
        KnowledgeGraph graph = knowledge.read();
        files.knowledge().update(current -> new KnowledgeGraphStore.Change<>(graph, null));
        Optional<ThresholdsFile> limits = thresholds.read();
        limits.ifPresent(value -> files.thresholds().update(current -> Optional.of(value)));
        Optional<ServerSecret> secret = new PostgresSigningSecretStore(db).loadIfPresent();
        secret.ifPresent(value -> writer.write(target.secretFile(),
                (java.util.HexFormat.of().formatHex(value.key()) + "\n").getBytes(StandardCharsets.US_ASCII)));
        return count + " sessions, " + graph.nodes().size() + " discoveries, thresholds "
                + (limits.isPresent() ? "set" : "default") + ", signing secret " + (secret.isPresent() ? "written"
                        : "none");
    }

    private boolean importSecret(DataDirectory source) {
        Path file = source.secretFile();
        if (!java.nio.file.Files.exists(file)) {
            return false;
        }
        String hex;
        try {
            hex = new String(NoFollow.readAllBytes(file), StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw StorageErrors.readFailed("server secret", file, e);
        }
        if (ServerSecret.fromHex(hex).isEmpty()) {
            throw new GovflowException(ErrorCode.STATE_CORRUPT, Map.of("file", "server_secret"));
        }
        boolean inserted = db.read(jdbc -> jdbc.update(
                "INSERT INTO signing_secret (secret) VALUES (?) ON CONFLICT (singleton) DO NOTHING", hex)) == 1;
        if (!inserted) {
            String stored = db.read(jdbc -> jdbc.queryForObject("SELECT secret FROM signing_secret", String.class));
            if (!hex.equals(stored)) {
                // sessions signed with the directory's secret would no longer verify
                throw new GovflowException(ErrorCode.SESSION_SIGNATURE_INVALID, Map.of("file", "server_secret"));
            }
        }
        return true;
    }

    /** The file store's classes on one directory. */
    private final class Files {

        private final SessionRepository sessions;
        private final KnowledgeGraphRepository knowledge;
        private final ThresholdsRepository thresholds;

        Files(DataDirectory dir, AtomicFileWriter writer) {
            AtomicJsonWriter jsonWriter = new AtomicJsonWriter(writer, json);
            LockManager locks = new LockManager(dir, Duration.ofSeconds(30), Duration.ofMillis(50));
            this.sessions = new SessionRepository(dir, jsonWriter, sessionCodec);
            this.knowledge = new KnowledgeGraphRepository(dir, jsonWriter, locks, knowledgeCodec);
            this.thresholds = new ThresholdsRepository(dir, jsonWriter, locks, json, Clock.systemUTC());
        }

        SessionRepository sessions() {
            return sessions;
        }

        KnowledgeGraphRepository knowledge() {
            return knowledge;
        }

        ThresholdsRepository thresholds() {
            return thresholds;
        }
    }
}
