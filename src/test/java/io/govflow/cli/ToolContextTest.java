package io.govflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.govflow.GovflowApplication;
import io.govflow.config.GovflowProperties;
import io.govflow.flow.migration.ReferenceMigration;
import io.govflow.flow.recovery.StartupRecovery;
import io.govflow.store.io.DataDirectory;
import io.govflow.store.io.LockHandle;
import io.govflow.store.io.LockKey;
import io.govflow.store.io.LockManager;
import io.govflow.store.io.TempFileSweeper;
import io.govflow.support.FileTree;
import io.govflow.support.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The commands run in a non-web Spring context built from the server's configuration: {@code govflow.*} settings
 * given on the command line apply, the server's start-up work does not run, and {@code --help} answers without
 * starting anything.
 */
class ToolContextTest {

    /** A pid no process has (above Linux's largest pid_max): its temp files are ones the start-up sweep removes. */
    private static final long DEAD_PID = 999_999_999L;

    @TempDir
    Path temp;

    @Test
    void theContextHasTheServersBeansAndSettingsButNoWebServerAndNoStartUpWork() {
        try (ConfigurableApplicationContext context = ToolContext.start(temp,
                List.of("--govflow.history.window=7", "--govflow.lock.timeout=250ms"))) {
            GovflowProperties properties = context.getBean(GovflowProperties.class);

            assertThat(properties.dataDir()).isEqualTo(temp);
            assertThat(properties.history().window()).isEqualTo(7);
            assertThat(properties.lock().timeout()).isEqualTo(Duration.ofMillis(250));
            assertThat(properties.lock().retry()).as("application.yaml defaults still apply")
                    .isEqualTo(Duration.ofMillis(100));
            assertThat(context.getBean(ReferenceMigration.class)).isNotNull();
            assertThat(context.getBeanNamesForType(StartupRecovery.class)).isEmpty();
            assertThat(context).isNotInstanceOf(WebServerApplicationContext.class);
        }
    }

    @Test
    void aDryRunLeavesTheDataDirectoryAsItWasWhereStartUpWouldHaveChangedIt() throws Exception {
        Path data = TestFiles.copyFixture("reference-data", temp);
        Path staleTemp = data.resolve("agents/.test_auth_20251124_state.json.tmp-" + DEAD_PID + "-a1b2");
        Files.createDirectories(staleTemp.getParent());
        Files.writeString(staleTemp, "{\"half\": ");
        Files.setLastModifiedTime(staleTemp, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
        Map<String, String> before = FileTree.fingerprint(data);

        ToolRun dry = run("migrate", "--data-dir", data.toString(), "--dry-run");

        assertThat(dry.exit()).as(dry.err()).isZero();
        assertThat(dry.json().get("actions").size()).as("the dry run found work to do").isPositive();
        assertThat(FileTree.fingerprint(data)).as("no secret, lock, temp file or move; nothing swept")
                .isEqualTo(before);
        assertThat(new TempFileSweeper(new DataDirectory(data), Duration.ofMinutes(15), Clock.systemUTC()).sweep())
                .as("the stale temp file is one the server's start-up sweep removes").isEqualTo(1);
    }

    /**
     * Another writer holds an agent's lock for a second longer than the default 5 s deadline: the tools' lock
     * manager, built from a configured 60 s deadline, waits for it instead of answering {@code LOCK_TIMEOUT}.
     */
    @Test
    void theConfiguredLockTimeoutIsHonoured() throws Exception {
        LockKey key = LockKey.agent("held_agent");
        LockManager otherWriter = new LockManager(new DataDirectory(temp), Duration.ofSeconds(5),
                Duration.ofMillis(10));
        CountDownLatch held = new CountDownLatch(1);
        AtomicBoolean letGo = new AtomicBoolean();
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try (ConfigurableApplicationContext context = ToolContext.start(temp, List.of("--govflow.lock.timeout=60s"))) {
            LockManager tools = context.getBean(LockManager.class);
            Future<?> holder = thread.submit(() -> {
                try (LockHandle ignored = otherWriter.acquire(key)) {
                    held.countDown();
                    Thread.sleep(Duration.ofSeconds(6).toMillis());
                    letGo.set(true);
                }
                return null;
            });
            assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();

            try (LockHandle acquired = tools.acquire(key)) {
                assertThat(letGo).as("the lock came free only when the other writer let it go").isTrue();
            }
            holder.get(10, TimeUnit.SECONDS);
        } finally {
            thread.shutdownNow();
        }
    }

    @Test
    void anInvalidSettingIsAUsageErrorNamingIt() {
        ToolRun result = run("validate-exports", "--data-dir", temp.toString(), "--govflow.lock.timeout=soon");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("invalid configuration", "govflow.lock.timeout");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void theDataDirectoryIsGivenWithItsOptionOnly() {
        ToolRun result = run("migrate", "--data-dir", temp.toString(), "--govflow.data-dir=" + temp.resolve("x"));

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("--data-dir", "usage: migrate");
    }

    @Test
    void helpPrintsEveryCommandsUsage() {
        ToolRun help = run("--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("start the server", "migrate --data-dir DIR [--dry-run]",
                "validate-exports --data-dir DIR [--file NAME] [--json]", "GOVFLOW_");

        ToolRun migrate = run("migrate", "--help");
        assertThat(migrate.exit()).isZero();
        assertThat(migrate.out()).startsWith(MigrateCommand.USAGE);
    }

    @Test
    void helpFromTheApplicationMainExitsWithoutStartingTheServer() throws Exception {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                GovflowApplication.class.getName(), "--help").redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("usage: java -jar govflow.jar", "migrate --data-dir DIR")
                .doesNotContain("Tomcat");
    }

    private static ToolRun run(String... args) {
        return ToolRun.of(args);
    }
}
