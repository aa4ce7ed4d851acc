package io.govflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.govflow.GovflowApplication;
import io.govflow.flow.update.Checkpointer;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The real application on a random port over a given data directory, startable and stoppable like a process
 * restart (a new context on the same files).
 */
public final class RunningApp implements AutoCloseable {

    private final Path dataDir;
    private final List<String> extraArgs;
    private ConfigurableApplicationContext context;
    /** The app's database while the suites run on the PostgreSQL store ({@link StoreUnderTest}); kept on restart. */
    private PostgresTestServer.@Nullable Database database;

    private RunningApp(Path dataDir, List<String> extraArgs) {
        this.dataDir = dataDir;
        this.extraArgs = extraArgs;
    }

    public static RunningApp start(Path dataDir, String... extraArgs) {
        RunningApp app = new RunningApp(dataDir, List.of(extraArgs));
        app.startContext();
        return app;
    }

    private void startContext() {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--govflow.data-dir=" + dataDir,
                "--spring.main.banner-mode=off", "--logging.level.root=WARN"));
        args.addAll(UnlimitedRates.except(extraArgs));
        args.addAll(storeArgs());
        args.addAll(extraArgs);
        context = new SpringApplication(GovflowApplication.class).run(args.toArray(String[]::new));
    }

    /** The store's settings when the suites run on PostgreSQL: a fresh database holding the data directory. */
    private List<String> storeArgs() {
        if (!StoreUnderTest.postgres() || extraArgs.stream().anyMatch(arg -> arg.startsWith("--govflow.store.kind="))) {
            return List.of();
        }
        if (database == null) {
            database = StoreUnderTest.databaseFor(dataDir);
        }
        return database.appArgs();
    }

    /** The database of this app (the PostgreSQL store), or null on the file store. */
    public PostgresTestServer.@Nullable Database database() {
        return database;
    }

    public void restart() {
        close();
        startContext();
    }

    public ApiClient client() {
        return new ApiClient("http://127.0.0.1:" + port());
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /**
     * Writes every checkpoint now (what a graceful shutdown does), so the files themselves hold the invariant of
     * {@link StoreInvariants#assertHold()}; while running, checkpoints follow their logs within a bound.
     */
    public RunningApp flushCheckpoints() {
        assertThat(bean(Checkpointer.class).flushAll()).as("every checkpoint written").isTrue();
        return this;
    }

    public Path dataDir() {
        return dataDir;
    }

    @Override
    public void close() {
        if (context != null) {
            context.close();
            context = null;
        }
    }
}
