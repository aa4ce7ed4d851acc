package io.govflow.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The calls the benchmark makes besides updates: registration, the consistency report, one-off updates. */
final class Api implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final int port;
    private final String adminToken;
    private final HttpConnection connection;

    Api(Service service) {
        this.port = service.port();
        this.adminToken = service.adminToken();
        this.connection = new HttpConnection(port);
    }

    /** Registers {@code count} agents named {@code prefix + index}; each answer carries the agent's key. */
    List<Agent> register(String prefix, int count) {
        List<Agent> agents = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            agents.add(register(prefix + k));
        }
        return agents;
    }

    Agent register(String agentId) {
        byte[] body = ("{\"agent_id\":\"" + agentId + "\"}").getBytes(StandardCharsets.UTF_8);
        JsonNode answer = expect2xx(send("POST", "/api/v1/agents", null, body), "registering " + agentId);
        return new Agent(agentId, answer.get("api_key").asString());
    }

    /** One update outside any measured phase (warm-up, probes); true on 2xx. */
    boolean update(Agent agent) {
        return send("POST", "/api/v1/agents/" + agent.id() + "/updates", agent.key(), LoadClient.BODY).ok();
    }

    /** The consistency report's totals (agents, ok, errors, warnings) for one agent or, with null, all of them. */
    Consistency consistency(@Nullable String agentId) {
        String path = "/api/v1/consistency"
                + (agentId == null ? "" : "?agent_id=" + URLEncoder.encode(agentId, StandardCharsets.UTF_8));
        JsonNode totals = expect2xx(send("GET", path, adminToken, null), "the consistency report").get("totals");
        return new Consistency(totals.get("agents").asLong(), totals.get("errors").asLong(),
                totals.get("warnings").asLong());
    }

    HttpReply send(String method, String path, @Nullable String bearer, byte @Nullable [] body) {
        try {
            return connection.exchange(HttpConnection.request(method, path, port, bearer, body));
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " got no answer", e);
        }
    }

    @Override
    public void close() {
        connection.close();
    }

    private static JsonNode expect2xx(HttpReply reply, String what) {
        if (!reply.ok()) {
            throw new IllegalStateException(what + " failed: " + reply.status() + " " + reply.text());
        }
        return JSON.readTree(reply.body());
    }

    /** Totals of a consistency report. */
    record Consistency(long agents, long errors, long warnings) {

        Consistency plus(Consistency other) {
            return new Consistency(agents + other.agents, errors + other.errors, warnings + other.warnings);
        }

        @Override
        public String toString() {
            return agents + " agents, " + errors + " errors, " + warnings + " warnings";
        }
    }
}
