package io.govflow.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.PruneType;
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
 * The compose profile {@code cluster} as an operator brings it up (docker/secrets.sh, then
 * {@code --profile cluster up -d --build balancer}): PostgreSQL, two replicas on it and the load balancer, each
 * image built offline. Everything is reached through the ports published on 127.0.0.1: the balancer for HTTP,
 * the database for the privilege checks. Needs the images of docker/build-postgres-image.sh and
 * docker/build-balancer-image.sh beside the base image.
 */
@ContainerTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    static final String POSTGRES_IMAGE = System.getProperty("postgres.image", "local/postgres:15");
    static final String BALANCER_IMAGE = System.getProperty("balancer.image", "local/haproxy:2");

    private static final String ADMIN_TOKEN = "it-admin-" + UUID.randomUUID();
    private static final String KILLED = "govflow-2";
    private static final String SURVIVOR = "govflow-1";

    @RegisterExtension
    static final FailureLogs LOGS = new FailureLogs();

    private static Compose compose;
    private static Path envFile;
    private static Path secrets;
    private static GovflowApi api;
    private static int postgresPort;

    @BeforeAll
    static void up() throws Exception {
        GovflowImage.checkPrerequisites();
        for (String image : List.of(POSTGRES_IMAGE, BALANCER_IMAGE)) {
            assertThat(GovflowImage.imageExists(image))
                    .as("image %s (docker/build-postgres-image.sh, docker/build-balancer-image.sh)", image).isTrue();
        }
        int balancerPort = freeLoopbackPort();
        postgresPort = freeLoopbackPort();
        secrets = Files.createTempDirectory("govflow-it-secrets");
        runScript("docker/secrets.sh", secrets.toString());
        envFile = Files.createTempFile("govflow-it", ".env");
        Files.writeString(envFile, String.join("\n",
                "GOVFLOW_SECURITY_ADMIN_TOKEN=" + ADMIN_TOKEN,
                "GOVFLOW_GOVERNANCE_LOOP_DETECTION=false", ""), StandardCharsets.UTF_8);
        compose = new Compose("govflowcluster" + UUID.randomUUID().toString().substring(0, 8), Map.of(
                "BASE_IMAGE", GovflowImage.BASE_IMAGE,
                "GOVFLOW_POSTGRES_IMAGE", POSTGRES_IMAGE,
                "GOVFLOW_BALANCER_IMAGE", BALANCER_IMAGE,
                "GOVFLOW_BIND", "127.0.0.1",
                "GOVFLOW_CLUSTER_PORT", Integer.toString(balancerPort),
                "GOVFLOW_POSTGRES_PORT", Integer.toString(postgresPort),
                "GOVFLOW_ENV_FILE", envFile.toString(),
                "GOVFLOW_SECRETS_DIR", secrets.toString()), List.of("cluster"));
        LOGS.add("compose cluster", () -> compose.run(Duration.ofMinutes(1), "logs", "--no-color").output());

        compose.runOrFail(Duration.ofMinutes(10), "up", "-d", "--build", "balancer");
        api = new GovflowApi("http://127.0.0.1:" + balancerPort);
        for (String replica : List.of(SURVIVOR, KILLED)) {
            GovflowImage.awaitDockerHealthy(compose.containerId(replica), GovflowImage.STARTUP_TIMEOUT);
        }
        awaitReadyThroughBalancer(Duration.ofMinutes(1));
    }

    @AfterAll
    static void down() throws IOException {
        if (compose != null) {
            Compose.Result result = compose.run(Duration.ofMinutes(3), "down", "--volumes", "--rmi", "local",
                    "--timeout", "30");
            if (result.exitCode() != 0) {
                System.out.println(compose.describe() + " down failed:\n" + result.output());
            }
            // the first stage of the replicas' image build (the Dockerfile labels it), left dangling
            GovflowImage.docker().pruneCmd(PruneType.IMAGES).withDangling(true)
                    .withLabelFilter("io.govflow.stage=layers").exec();
            compose.deleteTempFiles();
        }
        if (envFile != null) {
            Files.deleteIfExists(envFile);
        }
        if (secrets != null) {
            try (var files = Files.list(secrets)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(secrets);
        }
    }

    @Test
    @Order(1)
    void publishesTheBalancerAndTheDatabaseOnLoopbackOnly() {
        for (String service : List.of("balancer", "postgres")) {
            Map<ExposedPort, Ports.Binding[]> bindings = GovflowImage.docker()
                    .inspectContainerCmd(compose.containerId(service)).exec()
                    .getHostConfig().getPortBindings().getBindings();
            assertThat(bindings).as("published ports of %s", service).isNotEmpty();
            bindings.values().forEach(binding ->
                    assertThat(binding).extracting(Ports.Binding::getHostIp).containsOnly("127.0.0.1"));
        }
        for (String replica : List.of(SURVIVOR, KILLED)) {
            assertThat(GovflowImage.docker().inspectContainerCmd(compose.containerId(replica)).exec()
                    .getHostConfig().getPortBindings().getBindings())
                    .as("%s is reached through the balancer only", replica).isEmpty();
        }
    }

    /**
     * The service's role may connect to its database and use the tables the migrations made (as the schema
     * owner), nothing more: no DDL, no other database, no role attributes; a wrong password is refused.
     */
    @Test
    @Order(2)
    void theServiceRoleHasLeastPrivilege() throws Exception {
        String app = secret("govflow-app");
        String owner = secret("govflow-owner");
        try (Connection connection = connect("govflow", "govflow_app", app);
                Statement statement = connection.createStatement()) {
            assertThat(single(statement, "SELECT count(*) FROM agent_metadata")).isNotNull();
            assertQuery(statement, "SELECT rolsuper OR rolcreaterole OR rolcreatedb OR rolbypassrls"
                    + " FROM pg_roles WHERE rolname = current_user", "f");
            assertQuery(statement, "SELECT pg_get_userbyid(datdba) FROM pg_database"
                    + " WHERE datname = current_database()", "govflow_owner");
            assertQuery(statement, "SELECT has_schema_privilege('public', 'CREATE')", "f");
            assertQuery(statement, "SELECT has_database_privilege('govflow', 'CREATE')", "f");
            assertThatThrownBy(() -> statement.execute("CREATE TABLE intruder (id int)"))
                    .isInstanceOfSatisfying(SQLException.class,
                            e -> assertThat(e.getSQLState()).isEqualTo("42501"));
            assertThatThrownBy(() -> statement.execute("DROP TABLE agent_metadata"))
                    .isInstanceOfSatisfying(SQLException.class,
                            e -> assertThat(e.getSQLState()).isEqualTo("42501"));
        }
        try (Connection connection = connect("govflow", "govflow_owner", owner);
                Statement statement = connection.createStatement()) {
            assertQuery(statement, "SELECT rolsuper FROM pg_roles WHERE rolname = current_user", "f");
            assertQuery(statement, "SELECT has_schema_privilege('public', 'CREATE')", "t");
        }
        assertThatThrownBy(() -> connect("postgres", "govflow_app", app).close())
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
        assertThatThrownBy(() -> connect("govflow", "govflow_app", app + "x").close())
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("28P01"));
    }

    /**
     * Updates for several agents from a few threads through the balancer; one replica gets SIGKILL mid-load and
     * the load goes on. Every request carries an Idempotency-Key and is repeated with it until it has an answer,
     * so every update is acknowledged exactly once: each agent's history must be exactly the acknowledged seqs,
     * contiguous from 1, none lost and none twice. The surviving replica then keeps answering alone.
     */
    @Test
    @Order(3)
    void noAcknowledgedUpdateIsLostWhenAReplicaIsKilledMidLoad() throws Exception {
        long seed = Long.getLong("it.cluster.seed", System.nanoTime());
        System.out.println("cluster load seed " + seed + " (-Dit.cluster.seed=" + seed
                + " repeats the writers' choice of agents)");
        Map<String, String> keys = new LinkedHashMap<>();
        for (int n = 0; n < ClusterLoad.AGENTS; n++) {
            String agent = "it_cluster_agent_" + n;
            keys.put(agent, api.register(agent, ADMIN_TOKEN));
        }

        ClusterLoad load = new ClusterLoad(api, keys, seed);
        load.awaitAcknowledged(30, Duration.ofMinutes(2));
        assertThat(updatesServedBy(KILLED)).as("round robin: %s took updates before the kill", KILLED)
                .isPositive();
        String killed = compose.containerId(KILLED);
        GovflowImage.docker().killContainerCmd(killed).exec();
        long atKill = load.acknowledgedCount();
        load.awaitAcknowledged(atKill + 40, Duration.ofMinutes(2));
        load.stop();
        System.out.printf("cluster load: %d updates acknowledged (%d before the kill), %d answers repeated by the"
                + " client after a lost connection or a 502/503/504, %d requests retried by the balancer%n",
                load.acknowledgedCount(), atKill, load.repeated(), balancerRetries());
        assertThat(balancerLog()).as("the balancer took %s out", KILLED)
                .contains("Server replicas/" + KILLED + " is DOWN");

        assertThat(load.failure()).as("every update is acknowledged in the end (seed %d)", seed).isNull();
        for (Map.Entry<String, String> agent : keys.entrySet()) {
            Set<Long> acknowledged = load.acknowledged(agent.getKey());
            List<Long> history = historySeqs(agent.getKey(), agent.getValue());
            assertThat(history).as("history of %s (seed %d)", agent.getKey(), seed)
                    .doesNotHaveDuplicates()
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, history.size()).boxed().toList())
                    .containsExactlyElementsOf(new TreeSet<>(acknowledged));
            assertThat(api.updateCount(agent.getKey(), agent.getValue())).isEqualTo(acknowledged.size());
        }

        // docker kill is a manual stop: the restart policy leaves the replica down, so the survivor served alone
        assertThat(GovflowImage.docker().inspectContainerCmd(killed).exec().getState().getRunning())
                .as("%s stays down", KILLED).isFalse();
        assertThat(GovflowImage.docker().inspectContainerCmd(compose.containerId(SURVIVOR)).exec()
                .getState().getRunning()).as("%s runs", SURVIVOR).isTrue();
        String agent = keys.keySet().iterator().next();
        for (int n = 0; n < 10; n++) {
            GovflowApi.Response update = api.update(agent, keys.get(agent));
            assertThat(update.status()).as("update %d after the kill: %s", n, update.text()).isEqualTo(200);
        }
        assertThat(api.get("/actuator/health/readiness", null).status()).isEqualTo(200);
    }

    /** {@code docker start} of the killed replica: once ready again the balancer sends it requests again. */
    @Test
    @Order(4)
    void theKilledReplicaRejoinsOnceReady() throws Exception {
        String agent = "it_cluster_rejoin";
        String key = api.register(agent, ADMIN_TOKEN);
        String container = compose.containerId(KILLED);
        GovflowImage.docker().startContainerCmd(container).exec();
        GovflowImage.awaitDockerHealthy(container, GovflowImage.STARTUP_TIMEOUT);
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (!balancerLog().contains("Server replicas/" + KILLED + " is UP") && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        long before = updatesServedBy(KILLED);
        for (int n = 1; n <= 10; n++) {
            GovflowApi.Response update = api.update(agent, key, UUID.randomUUID().toString());
            assertThat(update.status()).as("update %d: %s", n, update.text()).isEqualTo(200);
            assertThat(update.json().at("/metrics/updates").asLong()).isEqualTo(n);
        }
        assertThat(updatesServedBy(KILLED)).as("updates %s served after its restart", KILLED)
                .isGreaterThan(before);
        assertThat(historySeqs(agent, key)).containsExactlyElementsOf(LongStream.rangeClosed(1, 10).boxed().toList());
    }

    /** The balancer's log (haproxy.cfg: one line per request, plus the replicas' state changes). */
    private static String balancerLog() {
        return LogUtils.getOutput(GovflowImage.docker(), compose.containerId("balancer"),
                OutputFrame.OutputType.STDOUT, OutputFrame.OutputType.STDERR);
    }

    /** Updates (POST .../updates) that {@code replica} answered with 200, by the balancer's log. */
    private static long updatesServedBy(String replica) {
        return requestLines()
                .filter(fields -> fields[3].equals("replicas/" + replica) && fields[5].equals("200")
                        && fields[12].equals("\"POST") && fields[13].endsWith("/updates"))
                .count();
    }

    /**
     * Requests the balancer sent more than once (the last counter of its log lines, {@code +} first when
     * redispatched to the other replica): after a connection failed, or a keyed update or a safe request whose
     * replica died without answering.
     */
    private static long balancerRetries() {
        return requestLines()
                .map(fields -> fields[10].substring(fields[10].lastIndexOf('/') + 1))
                .filter(retries -> !retries.equals("0"))
                .count();
    }

    /**
     * The request lines of the balancer's log, split at spaces: client, date, frontend, backend/server, timers,
     * status, bytes, cookies (2), termination state, connection counters (actconn/feconn/beconn/srv_conn/retries),
     * queues, then the request line.
     */
    private static Stream<String[]> requestLines() {
        return balancerLog().lines()
                .map(line -> line.split(" "))
                .filter(fields -> fields.length > 13 && fields[2].equals("govflow"));
    }

    private static List<Long> historySeqs(String agent, String key) throws IOException, InterruptedException {
        GovflowApi.Response response = api.get("/api/v1/agents/" + agent + "/history?format=json", key);
        assertThat(response.status()).as("history of %s: %s", agent, response.text()).isEqualTo(200);
        JsonNode document = GovflowApi.JSON.readTree(response.json().path("history").asString(""));
        List<Long> seqs = new ArrayList<>();
        document.path("update_seq").forEach(seq -> seqs.add(seq.asLong()));
        return seqs;
    }

    private static Connection connect(String database, String user, String password) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + postgresPort + "/" + database,
                user, password);
    }

    private static void assertQuery(Statement statement, String sql, String expected) throws SQLException {
        assertThat(single(statement, sql)).as(sql).isEqualTo(expected);
    }

    private static String single(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            assertThat(rows.next()).as(sql).isTrue();
            return rows.getString(1);
        }
    }

    private static String secret(String name) throws IOException {
        return Files.readString(secrets.resolve(name + ".password"), StandardCharsets.UTF_8).strip();
    }

    private static void awaitReadyThroughBalancer(Duration timeout) throws InterruptedException {
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
        throw new AssertionError("the balancer does not answer ready within " + timeout + ": " + last);
    }

    private static void runScript(String script, String... args) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(GovflowImage.projectDir().resolve(script).toString()));
        line.addAll(List.of(args));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(1, TimeUnit.MINUTES)).as("%s finished", script).isTrue();
        assertThat(process.exitValue()).as("%s: %s", script, output).isZero();
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
