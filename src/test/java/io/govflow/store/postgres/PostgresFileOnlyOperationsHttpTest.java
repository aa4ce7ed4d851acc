package io.govflow.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.govflow.support.ApiClient;
import io.govflow.support.ApiClient.Reply;
import io.govflow.support.FileTree;
import io.govflow.support.PostgresTestServer;
import io.govflow.support.RunningApp;
import io.govflow.support.TestFiles;

/**
 * On PostgreSQL the operations that only make sense on files refuse with {@code FILE_STORE_ONLY} and touch nothing:
 * lock listing and cleanup, orphan adoption, in-place reference migration; and start-up does not migrate a
 * reference data directory that happens to be the data directory (the command line imports one instead).
 */
class PostgresFileOnlyOperationsHttpTest {

    private static final String ADMIN = "pg-ops-admin-token";

    @TempDir
    Path temp;

    @Test
    void fileOnlyOperationsRefuseAndStartUpLeavesAReferenceDirectoryAlone() throws Exception {
        PostgresTestServer.Database db = PostgresTestServer.get().newDatabase("file_only_ops");
        Path data = TestFiles.copyFixture("reference-data", temp);
        Path orphanLock = data.resolve("agents/.ghost_state.lock");
        Files.createDirectories(orphanLock.getParent());
        Files.writeString(orphanLock, "");
        Path legacyState = data.resolve("test_auth_20251124_state.json");
        Map<String, String> agentFilesBefore = agentFiles(data);
        Map<String, String> exportsBefore = FileTree.fingerprint(data.resolve("exports"));
        byte[] metadataBefore = Files.readAllBytes(data.resolve("agent_metadata.json"));

        try (RunningApp app = RunningApp.start(data, args(db))) {
            // start-up migration would move legacy state files into agents/ and hash the plaintext keys of the
            // metadata file and of the exports
            assertThat(legacyState).exists();
            assertThat(FileTree.fingerprint(data.resolve("exports"))).isEqualTo(exportsBefore);
            assertThat(agentFiles(data)).isEqualTo(agentFilesBefore);
            assertThat(Files.readAllBytes(data.resolve("agent_metadata.json"))).isEqualTo(metadataBefore);

            ApiClient client = app.client();
            assertFileStoreOnly(client.get("/api/v1/maintenance/locks", ADMIN));
            assertFileStoreOnly(client.post("/api/v1/maintenance/locks/cleanup", ADMIN, Map.of()));
            assertFileStoreOnly(client.post("/api/v1/maintenance/locks/cleanup", ADMIN, Map.of("dry_run", true)));
            assertFileStoreOnly(client.post("/api/v1/maintenance/adopt", ADMIN,
                    Map.of("agent_id", "test_auth_20251124")));
            assertFileStoreOnly(client.post("/api/v1/maintenance/migrate", ADMIN, Map.of()));
            assertFileStoreOnly(client.post("/api/v1/maintenance/migrate", ADMIN, Map.of("dry_run", true)));

            assertThat(orphanLock).exists();
            assertThat(legacyState).exists();
            assertThat(agentFiles(data)).isEqualTo(agentFilesBefore);
            assertThat(Files.readAllBytes(data.resolve("agent_metadata.json"))).isEqualTo(metadataBefore);
            assertThat(client.get("/api/v1/agents/test_auth_20251124", ADMIN).status())
                    .as("nothing of the directory was adopted into the database").isEqualTo(404);
        }
    }

    private static String[] args(PostgresTestServer.Database db) {
        List<String> args = new ArrayList<>(db.appArgs());
        args.add("--govflow.security.admin-token=" + ADMIN);
        return args.toArray(String[]::new);
    }

    private static Map<String, String> agentFiles(Path data) {
        return FileTree.fingerprint(data.resolve("agents"));
    }

    private static void assertFileStoreOnly(Reply reply) {
        assertThat(reply.status()).as(reply.raw()).isEqualTo(403);
        assertThat(reply.body().get("error_code").asString()).isEqualTo("FILE_STORE_ONLY");
    }
}
