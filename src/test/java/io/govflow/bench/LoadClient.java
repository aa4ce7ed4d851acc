package io.govflow.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/**
 * One client of a load phase with its own connection, repeating one request: an update of one agent (always with
 * that agent's key, each 2xx counted in the ledger), or a plain GET for the HTTP ceiling.
 */
final class LoadClient implements AutoCloseable {

    static final byte[] BODY = ("{\"complexity\":0.45,\"confidence\":0.85,\"ethical_drift\":[0.05,0.02,0.0],"
            + "\"response_text\":\"Summarised a design document and checked three of its references.\"}")
            .getBytes(StandardCharsets.UTF_8);

    private final @Nullable String agentId;
    private final HttpConnection connection;
    private final byte[] request;
    private final Tally tally;
    private final @Nullable Ledger ledger;

    private LoadClient(int port, byte[] request, @Nullable String agentId, Tally tally, @Nullable Ledger ledger) {
        this.agentId = agentId;
        this.connection = new HttpConnection(port);
        this.request = request;
        this.tally = tally;
        this.ledger = ledger;
    }

    static LoadClient update(int port, Agent agent, Tally tally, Ledger ledger) {
        return new LoadClient(port, HttpConnection.request("POST", "/api/v1/agents/" + agent.id() + "/updates", port,
                agent.key(), BODY), agent.id(), tally, ledger);
    }

    static LoadClient get(int port, String path, Tally tally) {
        return new LoadClient(port, HttpConnection.request("GET", path, port, null, null), null, tally, null);
    }

    /** Sends the request once; true when it was answered 2xx. */
    boolean call() {
        try {
            HttpReply reply = connection.exchange(request);
            boolean committedError = tally.reply(reply);
            if (ledger != null && agentId != null) {
                if (committedError) {
                    ledger.committedError(agentId);
                }
                if (reply.ok()) {
                    ledger.acknowledged(agentId);
                }
            }
            return reply.ok();
        } catch (IOException e) {
            tally.transportError(e);
            return false;
        }
    }

    @Override
    public void close() {
        connection.close();
    }
}
