package io.govflow.store.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.govflow.error.ErrorCode;
import io.govflow.error.GovflowException;
import io.govflow.store.io.DataDirectory;
import io.govflow.store.io.StoreHealth;
import io.govflow.support.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerSecretTest {

    @TempDir
    Path temp;

    @Test
    void createdOnceWithMode0600AndReadBackUnchanged() throws Exception {
        DataDirectory dir = new DataDirectory(temp.resolve("data"));
        byte[] first = ServerSecret.loadOrCreate(dir, new StoreHealth()).key();
        byte[] again = ServerSecret.loadOrCreate(dir, new StoreHealth()).key();

        assertThat(first).hasSize(32).isEqualTo(again);
        Path file = dir.secretFile();
        assertThat(Files.readString(file)).isEqualTo(HexFormat.of().formatHex(first) + "\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(TestFiles.filesUnder(dir.root())).containsExactly(".govflow-secret");
    }

    @Test
    void racingCreatorsAllEndWithTheOneSecretThatWon() throws Exception {
        for (int round = 0; round < 20; round++) {
            DataDirectory dir = new DataDirectory(temp.resolve("race" + round));
            ExecutorService pool = Executors.newFixedThreadPool(8);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> keys = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                keys.add(pool.submit(() -> {
                    start.await();
                    return HexFormat.of().formatHex(ServerSecret.loadOrCreate(dir, new StoreHealth()).key());
                }));
            }
            start.countDown();
            List<String> seen = new ArrayList<>();
            for (Future<String> key : keys) {
                seen.add(key.get());
            }
            pool.shutdown();
            assertThat(Set.copyOf(seen)).hasSize(1);
            assertThat(Files.readString(dir.secretFile()).strip()).isEqualTo(seen.get(0));
            assertThat(TestFiles.filesUnder(dir.root())).containsExactly(".govflow-secret");
        }
    }

    @Test
    void aDamagedSecretIsReportedNeverReplaced() throws Exception {
        DataDirectory dir = new DataDirectory(temp);
        Files.writeString(dir.secretFile(), "not a key\n");

        assertThatThrownBy(() -> ServerSecret.loadOrCreate(dir, new StoreHealth()))
                .isInstanceOfSatisfying(GovflowException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.STATE_CORRUPT));
        assertThat(Files.readString(dir.secretFile())).isEqualTo("not a key\n");
    }
}
