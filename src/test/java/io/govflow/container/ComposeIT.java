package io.govflow.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Ports;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testcontainers.containers.output.OutputFrame;
import org.testcontainers.utility.LogUtils;
import tools.jackson.databind.JsonNode;

/**
 * compose.yaml brought up with the local compose CLI (build from the Dockerfile, named volume, env file,
 * port on 127.0.0.1), as an operator would, then called over HTTP.
 */
@ContainerTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ComposeIT {

    private static final String SERVICE = "govflow";
    private static final String ADMIN_TOKEN = "it-admin-" + UUID.randomUUID();

    @RegisterExtension
    static final FailureLogs LOGS = new FailureLogs();

    private static Compose compose;
    private static Path envFile;
    private static GovflowApi api;
    private static String containerId = "";

    @BeforeAll
    static void up() throws Exception {
        GovflowImage.checkPrerequisites();
        int port = freeLoopbackPort();
        // the deployment's env file, written as an operator would (docker/govflow.env.example)
        envFile = Files.createTempFile("govflow-it", ".env");
        Files.writeString(envFile, String.join("\n",
                "GOVFLOW_SECURITY_ADMIN_TOKEN=" + ADMIN_TOKEN,
                "GOVFLOW_GOVERNANCE_LOOP_DETECTION=false", ""), StandardCharsets.UTF_8);
        compose = new Compose("govflowit" + UUID.randomUUID().toString().substring(0, 8), Map.of(
                "BASE_IMAGE", GovflowImage.BASE_IMAGE,
                "GOVFLOW_PORT", Integer.toString(port),
                "GOVFLOW_BIND", "127.0.0.1",
                "GOVFLOW_ENV_FILE", envFile.toString()));
        LOGS.add("compose " + SERVICE, () -> compose.run(Duration.ofMinutes(1), "logs", "--no-color").output());

        compose.runOrFail(Duration.ofMinutes(10), "up", "-d", "--build");
        containerId = compose.containerId(SERVICE);
        api = new GovflowApi("http://127.0.0.1:" + port);
        awaitReady(api, GovflowImage.STARTUP_TIMEOUT);
    }

    @AfterAll
    static void down() throws IOException {
        if (compose != null) {
            Compose.Result result = compose.run(Duration.ofMinutes(3), "down", "--volumes", "--rmi", "local",
                    "--timeout", "30");
            if (result.exitCode() != 0) {
                System.out.println(compose.describe() + " down failed:\n" + result.output());
            }
            compose.deleteTempFiles();
        }
        if (envFile != null) {
            Files.deleteIfExists(envFile);
        }
    }

    @Test
    void servesReadinessAndSwaggerUiOnLoopbackOnly() throws Exception {
        GovflowApi.Response readiness = api.get("/actuator/health/readiness", null);
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().path("status").asString("")).isEqualTo("UP");
        assertThat(api.get("/swagger-ui/index.html", null).status()).isEqualTo(200);
        assertThat(api.get("/v3/api-docs", null).status()).isEqualTo(200);

        Ports.Binding[] bindings = inspect().getHostConfig().getPortBindings().getBindings()
                .get(ExposedPort.tcp(GovflowImage.PORT));
        assertThat(bindings).extracting(Ports.Binding::getHostIp).containsOnly("127.0.0.1");
    }

    @Test
    void runsHealthyWithTheEnvFileRestartPolicyAndJsonLogs() throws Exception {
        GovflowImage.awaitDockerHealthy(containerId, Duration.ofMinutes(2));

        InspectContainerResponse inspect = inspect();
        assertThat(inspect.getHostConfig().getRestartPolicy().getName()).isEqualTo("unless-stopped");
        assertThat(inspect.getConfig().getEnv()).contains("GOVFLOW_SECURITY_ADMIN_TOKEN=" + ADMIN_TOKEN);
        assertThat(inspect.getConfig().getUser()).isEqualTo("govflow:govflow");
        assertThat(inspect.getMounts()).anySatisfy(mount -> {
            assertThat(mount.getDestination().getPath()).isEqualTo(GovflowImage.DATA_DIR);
            assertThat(mount.getName()).endsWith("govflow-data");
        });

        List<String> lines = LogUtils.getOutput(GovflowImage.docker(), containerId, OutputFrame.OutputType.STDOUT)
                .lines().filter(line -> !line.isBlank()).toList();
        assertThat(lines).isNotEmpty();
        JsonNode first = GovflowApi.JSON.readTree(lines.get(0));
        assertThat(first.has("@timestamp")).as("ECS JSON log line: %s", lines.get(0)).isTrue();
        assertThat(first.at("/log/level").isString()).as("ECS JSON log line: %s", lines.get(0)).isTrue();
    }

    /** Needs the agent endpoints (register, updates, metrics). */
    @Test
    void registersUpdatesAndReadsMetricsThroughCompose() throws Exception {
        String key = api.register("it_compose_agent", ADMIN_TOKEN);
        GovflowApi.Response update = api.update("it_compose_agent", key);
        assertThat(update.status()).as(update.text()).isEqualTo(200);
        assertThat(update.json().at("/decision/action").asString("")).isIn("proceed", "pause");
        assertThat(api.updateCount("it_compose_agent", key)).isEqualTo(1);
    }

    /** The MCP endpoint on the same published port: initialize answers with the server's name. */
    @Test
    void answersMcpInitializeOnTheSamePort() throws Exception {
        GovflowApi.Response initialize = api.mcp(Map.of("jsonrpc", "2.0", "id", 1, "method", "initialize",
                "params", Map.of("protocolVersion", "2025-06-18", "capabilities", Map.of(),
                        "clientInfo", Map.of("name", "compose-it", "version", "1"))));
        assertThat(initialize.status()).as(initialize.text()).isEqualTo(200);
        assertThat(initialize.json().at("/result/serverInfo/name").asString("")).isEqualTo("govflow");
        GovflowApi.Response tools = api.mcp(Map.of("jsonrpc", "2.0", "id", 2, "method", "tools/list"));
        assertThat(tools.json().at("/result/tools").findValuesAsString("name")).contains("process_agent_update");
    }

    /** {@code compose down} (volumes kept) and {@code up} again: the named volume keeps every agent. */
    @Test
    @Order(Integer.MAX_VALUE)
    void downAndUpKeepsTheData() throws Exception {
        String key = api.register("it_compose_durable", ADMIN_TOKEN);
        for (int n = 0; n < 3; n++) {
            assertThat(api.update("it_compose_durable", key).status()).isEqualTo(200);
        }
        compose.runOrFail(Duration.ofMinutes(3), "down", "--timeout", "30");
        compose.runOrFail(Duration.ofMinutes(5), "up", "-d");
        containerId = compose.containerId(SERVICE);
        awaitReady(api, GovflowImage.STARTUP_TIMEOUT);
        assertThat(api.updateCount("it_compose_durable", key)).isEqualTo(3);
        assertThat(api.update("it_compose_durable", key).status()).isEqualTo(200);
        assertThat(api.updateCount("it_compose_durable", key)).isEqualTo(4);
    }

    private static InspectContainerResponse inspect() {
        return GovflowImage.docker().inspectContainerCmd(containerId).exec();
    }

    private static void awaitReady(GovflowApi api, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            try {
                GovflowApi.Response response = api.get("/actuator/health/readiness", null);
                if (response.status() == 200) {
                    return;
                }
                last = response.status() + " " + response.text();
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("compose service not ready within " + timeout + ": " + last + "\n"
                + compose.run(Duration.ofMinutes(1), "logs", "--no-color").output());
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
