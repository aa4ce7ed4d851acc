package io.govflow.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestClassOrder;

/**
 * What {@link GovflowApp} gives a class: one application over a fixture copied before start-up, the same
 * application, client and data directory in static fields, instance fields and parameters, {@link BeforeAppStart}
 * methods run on the copied files before the application exists, nested classes sharing the application; and after
 * the class, the application stopped and its directory deleted.
 */
@TestClassOrder(ClassOrderer.OrderAnnotation.class)
class GovflowAppTest {

    static final String ADMIN = "govflow-app-test-admin-token";
    static final String FIXTURE = "reference-generated";

    static @Nullable Path usedRoot;
    static int usedPort;

    @Nested
    @Order(1)
    @GovflowApp(args = "--govflow.security.admin-token=" + GovflowAppTest.ADMIN, fixture = GovflowAppTest.FIXTURE)
    class WhileTheClassRuns {

        static @Nullable RunningApp app;
        static @Nullable ApiClient client;
        @DataDir
        static @Nullable Path dataDir;

        static List<String> filesBeforeStart = List.of();
        static boolean appPresentBeforeStart;

        @Nullable RunningApp instanceApp;
        @DataDir
        @Nullable Path instanceDataDir;

        @BeforeAppStart
        static void listTheCopy(Path copy) {
            filesBeforeStart = TestFiles.filesUnder(copy);
            appPresentBeforeStart = app != null;
        }

        @Test
        void fieldsAndParametersShareOneApplicationOnItsDataDirectory(RunningApp parameterApp,
                ApiClient parameterClient, @DataDir Path parameterDataDir) {
            assertThat(parameterApp).isSameAs(app).isSameAs(instanceApp);
            assertThat(parameterClient).isSameAs(client);
            assertThat(parameterDataDir).isEqualTo(dataDir).isEqualTo(instanceDataDir)
                    .isEqualTo(parameterApp.dataDir());
            assertThat(parameterDataDir.getFileName()).hasToString("data");
            assertThat(parameterClient.get("/actuator/health/liveness", null).status()).isEqualTo(200);
            usedRoot = parameterDataDir.getParent();
            usedPort = parameterApp.port();
        }

        @Test
        void theFixtureIsCopiedBeforeStartUpAndServed(ApiClient parameterClient) {
            assertThat(appPresentBeforeStart).isFalse();
            assertThat(filesBeforeStart).isNotEmpty()
                    .isEqualTo(TestFiles.filesUnder(TestFiles.fixturesDir().resolve(FIXTURE)));
            List<String> listed = parameterClient.get("/api/v1/agents?size=100", ADMIN).body().get("agents")
                    .valueStream().map(agent -> agent.get("agent_id").asString()).toList();
            assertThat(listed).contains("reference_agent_0_1", "reference_agent_4_1200");
        }

        @Nested
        class InANestedClass {

            @Test
            void theEnclosingApplicationIsShared(RunningApp parameterApp, @DataDir Path parameterDataDir) {
                assertThat(parameterApp).isSameAs(app);
                assertThat(parameterDataDir).isEqualTo(dataDir);
            }
        }
    }

    @Nested
    @Order(2)
    class AfterTheClass {

        @Test
        void theApplicationIsStoppedAndItsDirectoryDeleted() {
            assertThat(usedRoot).as("set by WhileTheClassRuns, which runs first").isNotNull();
            assertThat(usedRoot).doesNotExist();
            ApiClient stale = new ApiClient("http://127.0.0.1:" + usedPort);
            assertThatThrownBy(() -> stale.get("/actuator/health/liveness", null))
                    .isInstanceOf(UncheckedIOException.class);
        }
    }
}
