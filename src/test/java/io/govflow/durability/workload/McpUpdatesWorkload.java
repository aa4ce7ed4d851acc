package io.govflow.durability.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import io.govflow.store.agent.UpdateLogEntry;
import io.govflow.support.ApiClient;
import io.govflow.support.ApiClient.Reply;
import io.govflow.support.StoreInvariants;
import tools.jackson.databind.JsonNode;

/**
 * {@code process_agent_update} through {@code /mcp} (JSON-RPC {@code tools/call} posts, as any MCP client sends
 * them) on agents of their own. Checks: every update a tool result acknowledged is in the agent's log, and (after a
 * clean stop) the log holds exactly those, 1..n.
 */
public final class McpUpdatesWorkload implements Workload {

    private static final Map<String, String> MCP_HEADERS = Map.of("Accept", "application/json, text/event-stream");

    private final int agents;
    private final String prefix;
    private final AcknowledgedSeqs acked = new AcknowledgedSeqs();
    private final AtomicLong ids = new AtomicLong();
    private final Answers answers = new Answers();

    public McpUpdatesWorkload(int agents, String prefix) {
        this.agents = agents;
        this.prefix = prefix;
    }

    @Override
    public String name() {
        return "mcp updates";
    }

    @Override
    public int weight() {
        return 3;
    }

    @Override
    public void prepare(ApiClient client) {
        acked.register(client, prefix + "_mcp_agent_", agents);
    }

    @Override
    public void step(ApiClient client, Random random) {
        String agent = prefix + "_mcp_agent_" + random.nextInt(agents);
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("agent_id", agent);
        arguments.put("api_key", acked.key(agent));
        arguments.put("complexity", 0.3 + random.nextDouble() * 0.4);
        arguments.put("confidence", 0.9);
        Reply reply = client.send("POST", "/mcp", null, Map.of("jsonrpc", "2.0", "id", ids.incrementAndGet(),
                "method", "tools/call", "params", Map.of("name", "process_agent_update", "arguments", arguments)),
                MCP_HEADERS);
        JsonNode result = reply.json() == null ? null : reply.body().get("result");
        if (reply.status() != 200 || result == null) {
            answers.unlessExplained(name(), reply);
            return;
        }
        JsonNode content = result.path("structuredContent");
        if (result.path("isError").asBoolean(false)) {
            answers.unlessExplained(name(), new Reply(content.path("status").asInt(), reply.headers(),
                    content.toString(), content));
            return;
        }
        acked.add(agent, content.path("metrics").path("updates").asLong());
    }

    @Override
    public Check acknowledged() {
        Map<String, Set<Long>> seqs = acked.snapshot();
        return (Path dataDir, ApiClient client) -> {
            StoreInvariants store = new StoreInvariants(dataDir);
            seqs.forEach((agent, acknowledged) -> assertThat(store.logOf(agent).stream().map(UpdateLogEntry::seq))
                    .as("acknowledged MCP updates of %s", agent).containsAll(acknowledged));
        };
    }

    @Override
    public Check acknowledgedExactly() {
        Check acknowledged = acknowledged();
        Map<String, Integer> counts = acked.counts();
        return (Path dataDir, ApiClient client) -> {
            acknowledged.verify(dataDir, client);
            StoreInvariants store = new StoreInvariants(dataDir);
            counts.forEach((agent, count) -> assertThat(store.logOf(agent)).as("log of %s", agent).hasSize(count));
        };
    }

    @Override
    public List<String> problems() {
        return answers.problems();
    }
}
